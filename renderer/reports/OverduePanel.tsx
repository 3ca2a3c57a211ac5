import {
  Anchor,
  Badge,
  Center,
  Chip,
  Group,
  Loader,
  Pagination,
  Paper,
  ScrollArea,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { OVERDUE_KINDS, type OverdueKind } from '../../src/reports/report.schema';
import { useApiQuery } from '../api/hooks';
import { ErrorState } from '../shared/ErrorState';
import { formatDateTime } from '../shared/format';
import { useStudioName, useStudios } from '../shared/studios';
import { ExportButtons } from './ExportMenu';

const PAGE = 50;
const COLOR: Record<OverdueKind, string> = { overdue: 'red', dueSoon: 'orange', response: 'grape' };

/**
 * 超期与临期 open cases past their deadline, due within three days, or still unanswered past
 * the response limit: across the center for the director, the caller's studios for mediators.
 */
export function OverduePanel({ studioIds }: { studioIds: readonly number[] }) {
  const { t } = useTranslation();
  const studioName = useStudioName();
  const studios = new Map((useStudios().data ?? []).map((s) => [s.id, s]));
  const [kinds, setKinds] = useState<OverdueKind[]>([...OVERDUE_KINDS]);
  const [page, setPage] = useState(1);
  const spec = {
    ...(studioIds.length > 0 ? { studioIds: [...studioIds] } : {}),
    ...(kinds.length > 0 ? { kinds } : {}),
  };
  const query = useApiQuery(
    'reports/overdue',
    { ...spec, offset: (page - 1) * PAGE, limit: PAGE },
    { enabled: kinds.length > 0 },
  );

  const days = (left: number, unit: string) => {
    if (left === 0) return t('reports.overdue.dueToday');
    const kind = unit === 'working_days' ? 'working' : 'calendar';
    return t(left < 0 ? `reports.overdue.over_${kind}` : `reports.overdue.left_${kind}`, {
      count: Math.abs(left),
    });
  };
  const nowrap = { whiteSpace: 'nowrap' } as const;

  return (
    <Stack gap="sm" data-testid="overdue-panel">
      <Group justify="space-between" wrap="wrap">
        <Chip.Group
          multiple
          value={kinds}
          onChange={(value) => {
            setPage(1);
            setKinds(value as OverdueKind[]);
          }}
        >
          <Group gap="xs">
            {OVERDUE_KINDS.map((kind) => (
              <Chip key={kind} value={kind} color={COLOR[kind]} variant="light">
                {query.isSuccess
                  ? t('reports.overdue.chip', {
                      label: t(`reports.overdue.kind.${kind}`),
                      count: query.data.counts[kind],
                    })
                  : t(`reports.overdue.kind.${kind}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <ExportButtons input={{ what: 'overdue', ...spec }} testId="overdue-export" />
      </Group>
      {kinds.length === 0 ? (
        <Text c="dimmed" ta="center" py="xl">
          {t('reports.overdue.chooseKind')}
        </Text>
      ) : query.isPending ? (
        <Center mih={200}>
          <Loader />
        </Center>
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.total === 0 ? (
        <Paper withBorder p="xl">
          <Text c="dimmed" ta="center">
            {t('reports.overdue.none')}
          </Text>
        </Paper>
      ) : (
        <>
          <ScrollArea>
            <Table striped highlightOnHover withTableBorder miw={1000} data-testid="overdue-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reports.col.urgency')}</Table.Th>
                  <Table.Th>{t('reports.col.due')}</Table.Th>
                  <Table.Th>{t('reports.col.number')}</Table.Th>
                  <Table.Th>{t('reports.col.parties')}</Table.Th>
                  <Table.Th>{t('reports.col.studio')}</Table.Th>
                  <Table.Th>{t('reports.col.status')}</Table.Th>
                  <Table.Th>{t('reports.col.registered')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.items.map((row) => (
                  <Table.Tr key={row.id}>
                    <Table.Td style={nowrap}>
                      <Badge
                        color={COLOR[row.urgent.kind]}
                        variant="light"
                        tt="none"
                        style={{ overflow: 'visible' }}
                      >
                        {t(`reports.overdue.kind.${row.urgent.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td style={nowrap}>
                      <Text size="sm">{row.urgent.dueOn}</Text>
                      <Text size="xs" c={row.urgent.daysLeft < 0 ? 'red' : 'dimmed'}>
                        {days(row.urgent.daysLeft, row.urgent.unit)}
                        {row.urgent.pausedSince === null
                          ? ''
                          : ` · ${t('reports.overdue.paused', { date: row.urgent.pausedSince })}`}
                      </Text>
                    </Table.Td>
                    <Table.Td style={nowrap}>
                      <Anchor component={Link} href={`/cases/${row.id}`} size="sm">
                        {row.number}
                      </Anchor>
                    </Table.Td>
                    <Table.Td maw={320}>
                      <Text size="sm" lineClamp={1}>
                        {row.parties
                          .filter((p) => p.role === 'applicant' || p.role === 'respondent')
                          .map((p) => p.name)
                          .join('、')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{studioName(studios.get(row.studioId))}</Text>
                    </Table.Td>
                    <Table.Td style={nowrap}>
                      <Text size="sm">{t(`label.status.${row.status}`)}</Text>
                    </Table.Td>
                    <Table.Td style={nowrap}>
                      <Text size="sm">{formatDateTime(row.registeredAt)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
          {query.data.total > PAGE ? (
            <Pagination
              total={Math.ceil(query.data.total / PAGE)}
              value={page}
              onChange={setPage}
              size="sm"
              getControlProps={(control) => ({ 'aria-label': t(`reports.page.${control}`) })}
            />
          ) : null}
        </>
      )}
    </Stack>
  );
}
