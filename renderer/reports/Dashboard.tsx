import { Alert, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { generalNotes, periodTitle } from '../../src/reports/report.labels';
import { useApiQuery } from '../api/hooks';
import { ErrorState } from '../shared/ErrorState';
import { formatDateTime } from '../shared/format';
import { CountsPanel } from './CountsPanel';
import type { DrillTarget } from './DrillDrawer';
import { ExportMenu } from './ExportMenu';
import { GroupTables } from './GroupTables';
import { RateCards } from './RateCards';
import type { ReportParams } from './report-params';
import { TrendCharts } from './TrendCharts';
import { useLabel, useLocale } from './use-report-labels';

interface Props {
  readonly params: ReportParams;
  onDrill(target: DrillTarget): void;
}

export function Dashboard({ params, onDrill }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const locale = useLocale();
  const input = {
    from: params.from,
    to: params.to,
    ...(params.studioIds.length > 0 ? { studioIds: [...params.studioIds] } : {}),
  };
  const query = useApiQuery('reports/dashboard', input);

  if (query.isPending) {
    return (
      <Center mih={300}>
        <Loader />
      </Center>
    );
  }
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const view = query.data;

  return (
    <Stack gap="lg" data-testid="dashboard">
      <Group justify="space-between" align="center" wrap="wrap">
        <Stack gap={0}>
          <Text fw={600} data-testid="dashboard-period">
            {locale === 'zh-CN'
              ? `${periodTitle(view.period, locale)}（${view.period.from} — ${view.period.to}）`
              : `${periodTitle(view.period, locale)} (${view.period.from} – ${view.period.to})`}
          </Text>
          <Text size="sm" c="dimmed">
            {t('reports.previousBeside', {
              period: periodTitle(view.previousPeriod, locale),
              asOf: formatDateTime(view.asOf),
            })}
          </Text>
        </Stack>
        <ExportMenu view={view} studioIds={params.studioIds} />
      </Group>
      {view.period.cutoff === null ? (
        <Alert color="gray" icon={<IconInfoCircle size={18} />}>
          {t('reports.notBegun')}
        </Alert>
      ) : null}
      <RateCards view={view} onDrill={onDrill} />
      <CountsPanel view={view} onDrill={onDrill} />
      <TrendCharts view={view} onDrill={onDrill} />
      <GroupTables view={view} onDrill={onDrill} />
      <Stack gap={2}>
        <Text size="sm" fw={600}>
          {t('reports.notes')}
        </Text>
        {generalNotes.map((note, i) => (
          <Text key={i} size="xs" c="dimmed">
            {label(note)}
          </Text>
        ))}
      </Stack>
    </Stack>
  );
}
