import { Group, Loader, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, type CaseStatus } from '../../src/cases/case.schema';
import { useApiQuery } from '../api/hooks';
import { ErrorState } from '../shared/ErrorState';
import { useStudioName, useStudios } from '../shared/studios';
import { CaseTable } from './CaseTable';

const ALL = 'all';

/** A studio's queue: the cases routed to it, newest first. */
export function QueuePage() {
  const { t } = useTranslation();
  const studios = useStudios();
  const studioName = useStudioName();
  const [studio, setStudio] = useLocalStorage({
    key: 'mediation-desk.queue.studio',
    defaultValue: ALL,
  });
  const [status, setStatus] = useLocalStorage({
    key: 'mediation-desk.queue.status',
    defaultValue: ALL,
  });
  const queue = useApiQuery('cases/queue', {
    studioId: studio === ALL ? undefined : Number(studio),
    status: status === ALL ? undefined : (status as CaseStatus),
  });

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('cases.title')}</Title>
        <Group>
          <Select
            label={t('cases.studio')}
            w={260}
            value={studio}
            onChange={(v) => setStudio(v ?? ALL)}
            allowDeselect={false}
            data={[
              { value: ALL, label: t('cases.allStudios') },
              ...(studios.data ?? []).map((s) => ({ value: String(s.id), label: studioName(s) })),
            ]}
          />
          <Select
            label={t('cases.status')}
            w={160}
            value={status}
            onChange={(v) => setStatus(v ?? ALL)}
            allowDeselect={false}
            data={[
              { value: ALL, label: t('cases.allStatuses') },
              ...CASE_STATUSES.map((s) => ({ value: s, label: t(`label.status.${s}`) })),
            ]}
          />
        </Group>
      </Group>
      <Paper withBorder p="sm">
        {queue.isPending ? (
          <Group justify="center" p="xl">
            <Loader />
          </Group>
        ) : queue.isError ? (
          <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
        ) : (
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {t('cases.count', { count: queue.data.length })}
            </Text>
            <CaseTable cases={queue.data} />
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
