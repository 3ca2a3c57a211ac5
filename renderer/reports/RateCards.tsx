import {
  ActionIcon,
  Group,
  Paper,
  Popover,
  SimpleGrid,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../src/api/contract';
import { noteText, rateLabels, rateNotes } from '../../src/reports/report.labels';
import { RATES, RATE_KEYS, type RateKey } from '../../src/reports/report.schema';
import type { DrillTarget } from './DrillDrawer';
import { useLabel, useLocale } from './use-report-labels';

type View = MethodOutput<'reports/dashboard'>;

/** Change from the previous period in percentage points, one decimal; null when either is "—". */
function pointsChange(now: number | null, before: number | null): number | null {
  if (now === null || before === null) return null;
  return Math.round((now - before) * 1000) / 10;
}

/**
 * The six rates (DESIGN §6): the percentage, its numerator and denominator, the previous period
 * beside it, and how it is computed. A card opens the cases behind the figure.
 */
export function RateCards({ view, onDrill }: { view: View; onDrill(t: DrillTarget): void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const locale = useLocale();

  const open = (key: RateKey) =>
    onDrill({
      from: view.period.from,
      to: view.period.to,
      measure: RATES[key].numerator,
      rate: key,
      title: label(rateLabels[key]),
    });

  return (
    <SimpleGrid cols={{ base: 2, md: 3, xl: 6 }} spacing="sm">
      {RATE_KEYS.map((key) => {
        const r = view.current.rates[key];
        const p = view.previous.rates[key];
        const change = pointsChange(r.value, p.value);
        return (
          <Paper key={key} withBorder p="sm" pos="relative" data-testid={`rate-${key}`}>
            <Popover width={320} position="bottom-end" withArrow shadow="md">
              <Popover.Target>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  pos="absolute"
                  top={6}
                  right={6}
                  aria-label={t('reports.howComputed', { rate: label(rateLabels[key]) })}
                >
                  <IconInfoCircle size={16} />
                </ActionIcon>
              </Popover.Target>
              <Popover.Dropdown>
                <Text size="sm" fw={600} mb={4}>
                  {t('reports.howComputedTitle')}
                </Text>
                <Text size="sm">
                  {noteText(rateNotes[key], locale, { limit: view.responseLimitDays })}
                </Text>
              </Popover.Dropdown>
            </Popover>
            <UnstyledButton
              onClick={() => open(key)}
              w="100%"
              aria-label={t('reports.openRate', { rate: label(rateLabels[key]), value: r.text })}
            >
              <Stack gap={2}>
                <Text size="sm" c="dimmed" pr={24}>
                  {label(rateLabels[key])}
                </Text>
                <Text fz={28} fw={700} lh={1.15} data-testid="rate-value">
                  {r.text}
                </Text>
                <Text size="xs" c="dimmed" data-testid="rate-parts">
                  {r.numerator} / {r.denominator}
                </Text>
                <Group gap={4} wrap="nowrap">
                  <Text size="xs" c="dimmed">
                    {t('reports.previousShort')} {p.text}
                  </Text>
                  {change !== null && change !== 0 ? (
                    <Text
                      size="xs"
                      c={change > 0 ? 'teal' : 'red'}
                      fw={600}
                      style={{ display: 'flex', alignItems: 'center' }}
                    >
                      {change > 0 ? (
                        <IconArrowUpRight size={14} />
                      ) : (
                        <IconArrowDownRight size={14} />
                      )}
                      {t('reports.points', { value: Math.abs(change).toFixed(1) })}
                    </Text>
                  ) : null}
                </Group>
              </Stack>
            </UnstyledButton>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
