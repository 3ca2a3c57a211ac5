import { Alert, Button, Code, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../src/api/contract';
import { call } from '../../api/client';
import { ErrorState } from '../../shared/ErrorState';
import { formatDateTime } from '../../shared/format';
import { AuditFilters, type AuditFilter } from './AuditFilters';

type Row = MethodOutput<'audit/list'>['rows'][number];
type Report = MethodOutput<'audit/verify'>;

function pretty(json: string | null): string {
  if (json === null) return '';
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

function Change({ row }: { row: Row }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (row.before === null && row.after === null) return null;
  const summary = (row.after ?? row.before ?? '').slice(0, 60);
  if (!open) {
    return (
      <Text
        size="xs"
        c="dimmed"
        ff="monospace"
        style={{ cursor: 'pointer' }}
        onClick={() => setOpen(true)}
      >
        {summary}
        {summary.length >= 60 ? '…' : ''}
      </Text>
    );
  }
  return (
    <Group align="flex-start" grow onClick={() => setOpen(false)} style={{ cursor: 'pointer' }}>
      {row.before !== null && (
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            {t('audit.before')}
          </Text>
          <Code block fz="xs">
            {pretty(row.before)}
          </Code>
        </Stack>
      )}
      {row.after !== null && (
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            {t('audit.after')}
          </Text>
          <Code block fz="xs">
            {pretty(row.after)}
          </Code>
        </Stack>
      )}
    </Group>
  );
}

function VerifyResult({ report, onShow }: { report: Report; onShow: (id: number) => void }) {
  const { t } = useTranslation();
  if (report.ok) {
    return (
      <Alert color="green" icon={<IconShieldCheck />} data-testid="audit-verify-result">
        {t('audit.verifyOk', { count: report.checked })}
      </Alert>
    );
  }
  const brk = report.firstBreak;
  if (brk === null) return null;
  const problem = t(`audit.problem.${brk.problem}`, { from: brk.lastGoodId ?? 0 });
  return (
    <Alert color="red" data-testid="audit-verify-result">
      <Group justify="space-between">
        <Text size="sm">{t('audit.verifyBroken', { id: brk.id, problem })}</Text>
        <Button size="xs" variant="white" color="red" onClick={() => onShow(brk.id)}>
          {t('audit.showRow')}
        </Button>
      </Group>
    </Alert>
  );
}

/** Settings → Audit log: who did what and when, filtered; and the hash chain checked on demand. */
export function AuditSection() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [from, setFrom] = useState<number | undefined>();
  const verify = useMutation({ mutationFn: () => call('audit/verify', {}) });
  const log = useInfiniteQuery({
    queryKey: ['audit/list', filter, from],
    queryFn: ({ pageParam }) => call('audit/list', { ...filter, beforeId: pageParam, limit: 50 }),
    initialPageParam: from,
    getNextPageParam: (page) => page.nextBeforeId ?? undefined,
  });
  const bad = verify.data?.firstBreak?.id;
  const rows = log.data?.pages.flatMap((p) => p.rows) ?? [];
  return (
    <Stack>
      <Paper withBorder p="md">
        <Stack>
          <Group justify="space-between" align="flex-start">
            <AuditFilters
              value={filter}
              onChange={(f) => {
                setFrom(undefined);
                setFilter(f);
              }}
            />
            <Button
              variant="light"
              leftSection={<IconShieldCheck size={16} />}
              loading={verify.isPending}
              onClick={() => verify.mutate()}
            >
              {t('audit.verify')}
            </Button>
          </Group>
          {verify.isError && <ErrorState error={verify.error} />}
          {verify.data && (
            <VerifyResult
              report={verify.data}
              onShow={(id) => {
                setFilter({});
                setFrom(id + 3);
              }}
            />
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        {log.isPending && <Loader />}
        {log.isError && <ErrorState error={log.error} onRetry={() => void log.refetch()} />}
        {log.isSuccess && rows.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('audit.none')}
          </Text>
        )}
        {rows.length > 0 && (
          <Table aria-label={t('settings.section.audit')} verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.col.id')}</Table.Th>
                <Table.Th>{t('audit.col.at')}</Table.Th>
                <Table.Th>{t('audit.col.staff')}</Table.Th>
                <Table.Th>{t('audit.col.method')}</Table.Th>
                <Table.Th>{t('audit.col.entity')}</Table.Th>
                <Table.Th w="40%">{t('audit.col.change')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Fragment key={row.id}>
                  <Table.Tr bg={row.id === bad ? 'red.0' : undefined} data-audit-id={row.id}>
                    <Table.Td ff="monospace">{row.id}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(row.at)}</Table.Td>
                    <Table.Td>{row.staffName ?? t('audit.system')}</Table.Td>
                    <Table.Td ff="monospace" fz="xs">
                      {row.method}
                    </Table.Td>
                    <Table.Td fz="xs">
                      {row.entity}
                      {row.entityId === null ? '' : ` #${row.entityId}`}
                    </Table.Td>
                    <Table.Td>
                      <Change row={row} />
                    </Table.Td>
                  </Table.Tr>
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {log.hasNextPage && (
          <Group justify="center" mt="sm">
            <Button
              variant="subtle"
              loading={log.isFetchingNextPage}
              onClick={() => void log.fetchNextPage()}
            >
              {t('audit.more')}
            </Button>
          </Group>
        )}
      </Paper>
    </Stack>
  );
}
