import { BarChart, LineChart } from '@mantine/charts';
import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../src/api/contract';
import { measureLabels, rateLabels } from '../../src/reports/report.labels';
import type { Measure, RateKey } from '../../src/reports/report.schema';
import type { DrillTarget } from './DrillDrawer';
import { useLabel } from './use-report-labels';

type View = MethodOutput<'reports/dashboard'>;

const BARS: readonly { measure: Measure; color: string }[] = [
  { measure: 'registered', color: 'indigo.6' },
  { measure: 'accepted', color: 'cyan.6' },
  { measure: 'concluded', color: 'teal.6' },
];

const LINES: readonly { rate: RateKey; color: string }[] = [
  { rate: 'response', color: 'indigo.6' },
  { rate: 'completion', color: 'teal.6' },
  { rate: 'onTime', color: 'orange.6' },
  { rate: 'success', color: 'grape.6' },
  { rate: 'satisfaction', color: 'pink.6' },
];

/**
 * 月度趋势 month by month: cases registered, accepted and concluded (a bar opens that month's
 * cases), and the rates in percent (a month with nothing to divide by leaves a gap).
 */
export function TrendCharts({ view, onDrill }: { view: View; onDrill(t: DrillTarget): void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const counts = view.trend.map((m) => ({
    month: m.month,
    ...Object.fromEntries(BARS.map((b) => [b.measure, m.figures.counts[b.measure]])),
  }));
  const rates = view.trend.map((m) => ({
    month: m.month,
    ...Object.fromEntries(
      LINES.map((l) => {
        const value = m.figures.rates[l.rate].value;
        return [l.rate, value === null ? null : Math.round(value * 1000) / 10];
      }),
    ),
  }));

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm" data-testid="trend">
      <Paper withBorder p="sm">
        <Title order={5} mb="xs">
          {t('reports.trendCounts')}
        </Title>
        <BarChart
          h={240}
          data={counts}
          dataKey="month"
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          series={BARS.map((b) => ({
            name: b.measure,
            label: label(measureLabels[b.measure]),
            color: b.color,
          }))}
          barProps={(series) => ({
            cursor: 'pointer',
            onClick: (data: { payload?: { month?: string } }) => {
              const month = view.trend.find((m) => m.month === data.payload?.month);
              if (month === undefined) return;
              const measure = series.name as Measure;
              onDrill({
                from: month.from,
                to: month.to,
                measure,
                title: `${month.month} ${label(measureLabels[measure])}`,
              });
            },
          })}
        />
      </Paper>
      <Paper withBorder p="sm">
        <Title order={5} mb="xs">
          {t('reports.trendRates')}
        </Title>
        <LineChart
          h={240}
          data={rates}
          dataKey="month"
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          yAxisProps={{ domain: [0, 100] }}
          connectNulls={false}
          series={LINES.map((l) => ({
            name: l.rate,
            label: label(rateLabels[l.rate]),
            color: l.color,
          }))}
          valueFormatter={(v) => `${v.toFixed(1)}%`}
        />
        <Text size="xs" c="dimmed">
          {t('reports.trendNote')}
        </Text>
      </Paper>
    </SimpleGrid>
  );
}
