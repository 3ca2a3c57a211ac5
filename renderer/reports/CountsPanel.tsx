import { Group, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../src/api/contract';
import { measureLabels } from '../../src/reports/report.labels';
import { OUTCOME_MEASURES, STATUS_MEASURES, type Measure } from '../../src/reports/report.schema';
import type { DrillTarget } from './DrillDrawer';
import { useLabel } from './use-report-labels';

type View = MethodOutput<'reports/dashboard'>;

const TILES: readonly Measure[] = [
  'registered',
  'accepted',
  'declined',
  'referred',
  'concluded',
  'openAtEnd',
  'inMediationAtEnd',
  'overdueAtEnd',
];

/** 案件数量 counts of the period with the previous period beside; each opens its cases. */
export function CountsPanel({ view, onDrill }: { view: View; onDrill(t: DrillTarget): void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const open = (measure: Measure) =>
    onDrill({
      from: view.period.from,
      to: view.period.to,
      measure,
      title: label(measureLabels[measure]),
    });

  const breakdown = (title: string, measures: readonly Measure[], testId: string) => (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text size="sm" fw={600} mb={6}>
        {title}
      </Text>
      <Stack gap={2}>
        {measures.map((m) => (
          <UnstyledButton key={m} onClick={() => open(m)} aria-label={label(measureLabels[m])}>
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">{label(measureLabels[m])}</Text>
              <Text size="sm" fw={600} ff="monospace">
                {view.current.counts[m]}
              </Text>
            </Group>
          </UnstyledButton>
        ))}
      </Stack>
    </Paper>
  );

  return (
    <Stack gap="sm">
      <Title order={4}>{t('reports.counts')}</Title>
      <SimpleGrid cols={{ base: 2, sm: 4, xl: 8 }} spacing="sm">
        {TILES.map((m) => (
          <UnstyledButton
            key={m}
            onClick={() => open(m)}
            aria-label={`${label(measureLabels[m])} ${view.current.counts[m]}`}
          >
            <Paper
              withBorder
              p="sm"
              h="100%"
              data-testid={`count-${m}`}
              bg={m === 'overdueAtEnd' && view.current.counts[m] > 0 ? 'red.0' : undefined}
            >
              <Text size="xs" c="dimmed" lineClamp={1}>
                {label(measureLabels[m])}
              </Text>
              <Text fz={24} fw={700} lh={1.2}>
                {view.current.counts[m]}
              </Text>
              <Text size="xs" c="dimmed">
                {t('reports.previousShort')} {view.previous.counts[m]}
              </Text>
            </Paper>
          </UnstyledButton>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {breakdown(t('reports.byOutcome'), OUTCOME_MEASURES, 'counts-outcome')}
        {breakdown(t('reports.byStatusNow'), STATUS_MEASURES, 'counts-status')}
      </SimpleGrid>
    </Stack>
  );
}
