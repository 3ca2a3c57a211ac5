import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCircleCheck, IconAlertTriangle, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { MethodOutput } from '../../src/api/contract';
import { callResult } from '../api/client';
import { useApiQuery } from '../api/hooks';
import { ErrorState } from '../shared/ErrorState';
import { formatDateTime } from '../shared/format';

type Verified = MethodOutput<'documents/verify'>;

/** Checks a paper's verification code against the record. */
function VerifyBox() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Verified | null>(null);
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    setError(null);
    const answer = await callResult('documents/verify', { code });
    setBusy(false);
    if (!answer.ok) {
      setResult(null);
      setError(answer.error.fields?.code ?? answer.error.message);
      return;
    }
    setResult(answer.value);
  };
  return (
    <Paper withBorder p="md">
      <Title order={4} mb={4}>
        {t('doc.verify.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('doc.verify.help')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void verify();
        }}
      >
        <Group align="flex-start">
          <TextInput
            w={260}
            aria-label={t('doc.verify.code')}
            placeholder="7KQF-3M2X"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={error}
            leftSection={<IconSearch size={16} />}
            styles={{ input: { fontFamily: 'monospace', textTransform: 'uppercase' } }}
          />
          <Button type="submit" loading={busy} disabled={code.trim() === ''}>
            {t('doc.verify.check')}
          </Button>
        </Group>
      </form>
      {result &&
        (result.found ? (
          <Alert
            mt="sm"
            color="teal"
            icon={<IconCircleCheck />}
            title={t('doc.verify.found', { code: result.code })}
            data-testid="verify-result"
          >
            <Stack gap={2}>
              <Text size="sm">
                {t(`label.documentKind.${result.kind}`)} ·{' '}
                {t('doc.verify.pages', { pages: result.pages, copies: result.copies })}
              </Text>
              <Text size="sm">
                {t('doc.verify.made', {
                  at: formatDateTime(result.createdAt),
                  name: result.createdByName ?? '',
                })}
              </Text>
              {result.caseId !== null ? (
                <Anchor component={Link} href={`/cases/${result.caseId}`} size="sm">
                  {result.caseNumber}
                </Anchor>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('doc.verify.otherStudio')}
                </Text>
              )}
              <Text size="xs" ff="monospace" c="dimmed">
                SHA-256 {result.sha256}
              </Text>
            </Stack>
          </Alert>
        ) : (
          <Alert
            mt="sm"
            color="red"
            icon={<IconAlertTriangle />}
            title={t('doc.verify.notFound', { code: result.code })}
            data-testid="verify-result"
          >
            {t('doc.verify.notFoundHelp')}
          </Alert>
        ))}
    </Paper>
  );
}

/** Agreements waiting for the clerk: drafts to print, printed ones missing signatures. */
function PrintQueue() {
  const { t } = useTranslation();
  const queue = useApiQuery('agreements/queue', {});
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t('doc.queue.title')}
      </Title>
      {queue.isPending ? (
        <Loader size="sm" />
      ) : queue.isError ? (
        <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
      ) : queue.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('doc.queue.empty')}
        </Text>
      ) : (
        <Table aria-label={t('doc.queue.title')} data-testid="print-queue">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('doc.queue.case')}</Table.Th>
              <Table.Th>{t('doc.queue.version')}</Table.Th>
              <Table.Th>{t('doc.queue.state')}</Table.Th>
              <Table.Th>{t('doc.queue.updated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queue.data.map((q) => (
              <Table.Tr key={q.versionId}>
                <Table.Td>
                  <Anchor component={Link} href={`/cases/${q.caseId}`}>
                    {q.caseNumber}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t('doc.agreement.version', { version: q.versionNo })}</Table.Td>
                <Table.Td>
                  <Badge color={q.state === 'toPrint' ? 'blue' : 'orange'} variant="light">
                    {q.state === 'toPrint'
                      ? t('doc.queue.toPrint')
                      : t('doc.queue.toSign', { count: q.signatures })}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatDateTime(q.printedAt ?? q.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

/** 文书: the verification-code lookup and the agreements' print queue. */
export function DocumentsPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Stack gap={0}>
        <Title order={2}>{t('nav.documents')}</Title>
        <Text c="dimmed" size="sm">
          {t('doc.page.subtitle')}
        </Text>
      </Stack>
      <VerifyBox />
      <PrintQueue />
    </Stack>
  );
}
