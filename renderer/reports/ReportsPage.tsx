import '@mantine/charts/styles.css';
import { Group, MultiSelect, Stack, Tabs, Title } from '@mantine/core';
import { IconAlarm, IconChartBar } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { centerDate } from '../../src/shared/center-time';
import { useSession } from '../auth/session';
import { useStudioName, useStudios } from '../shared/studios';
import { Dashboard } from './Dashboard';
import { DrillDrawer, type DrillTarget } from './DrillDrawer';
import { OverduePanel } from './OverduePanel';
import { PeriodPicker } from './PeriodPicker';
import { seesAllStudiosRoles } from './report-scope';
import {
  parseReportParams,
  serializeReportParams,
  type ReportParams,
  type ReportTab,
} from './report-params';

/** 统计报表 the director's dashboard and the overdue list; mediators see their studios. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { caller } = useSession();
  const search = useSearch();
  const [, navigate] = useLocation();
  const today = centerDate(new Date());
  const params = useMemo(() => parseReportParams(search, today), [search, today]);
  const setParams = useCallback(
    (patch: Partial<ReportParams>) =>
      navigate(`/reports?${serializeReportParams({ ...params, ...patch })}`, { replace: true }),
    [navigate, params],
  );
  const [drill, setDrill] = useState<DrillTarget | null>(null);

  const studios = useStudios();
  const studioName = useStudioName();
  const wholeCenter = seesAllStudiosRoles(caller.roles);
  const choices = (studios.data ?? [])
    .filter((s) => wholeCenter || caller.studioIds.includes(s.id))
    .map((s) => ({ value: String(s.id), label: studioName(s) }));

  return (
    <Stack gap="md" data-testid="reports-page">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={2}>{t('reports.title')}</Title>
        <Group gap="sm" align="flex-end" wrap="wrap">
          {params.tab === 'dashboard' ? (
            <PeriodPicker
              from={params.from}
              to={params.to}
              today={today}
              onChange={(period) => setParams(period)}
            />
          ) : null}
          <MultiSelect
            label={t('reports.studios')}
            placeholder={
              params.studioIds.length === 0
                ? wholeCenter
                  ? t('reports.allStudios')
                  : t('reports.myStudios')
                : undefined
            }
            data={choices}
            value={params.studioIds.map(String)}
            onChange={(values) => setParams({ studioIds: values.map(Number) })}
            clearable
            w={300}
            data-testid="report-studios"
          />
        </Group>
      </Group>
      <Tabs
        value={params.tab}
        onChange={(tab) => setParams({ tab: (tab ?? 'dashboard') as ReportTab })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="dashboard" leftSection={<IconChartBar size={16} />}>
            {t('reports.tab.dashboard')}
          </Tabs.Tab>
          <Tabs.Tab value="overdue" leftSection={<IconAlarm size={16} />}>
            {t('reports.tab.overdue')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="dashboard" pt="md">
          <Dashboard params={params} onDrill={setDrill} />
        </Tabs.Panel>
        <Tabs.Panel value="overdue" pt="md">
          <OverduePanel studioIds={params.studioIds} />
        </Tabs.Panel>
      </Tabs>
      <DrillDrawer
        target={drill}
        studioIds={params.studioIds}
        onChange={setDrill}
        onClose={() => setDrill(null)}
      />
    </Stack>
  );
}
