import { ActionIcon, Group, SegmentedControl, Stack, Text, Tooltip } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { periodTitle } from '../../src/reports/report.labels';
import { presetOf, presetPeriod, shiftPeriod, type PeriodPreset } from './report-params';
import { useLocale } from './use-report-labels';

interface Props {
  readonly from: string;
  readonly to: string;
  readonly today: string;
  onChange(period: { from: string; to: string }): void;
}

/**
 * 统计期间: this month, quarter or year (stepping back and forth a period at a time) or any
 * range of days from the calendar.
 */
export function PeriodPicker({ from, to, today, onChange }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const current = presetOf(from, to);
  // While picking a custom range the first click leaves the range half made: keep it here.
  const [picking, setPicking] = useState<[string | null, string | null] | null>(null);
  const [customOpen, setCustomOpen] = useState(current === 'custom');
  const preset: PeriodPreset = customOpen ? 'custom' : current;

  const choose = (value: string) => {
    const next = value as PeriodPreset;
    if (next === 'custom') {
      setCustomOpen(true);
      return;
    }
    setCustomOpen(false);
    // Keep the year (and month) being looked at, in the new unit.
    onChange(presetPeriod(next, from <= today && today <= to ? today : from));
  };

  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('reports.period')}
        </Text>
        <SegmentedControl
          value={preset}
          onChange={choose}
          data={[
            { value: 'month', label: t('reports.preset.month') },
            { value: 'quarter', label: t('reports.preset.quarter') },
            { value: 'year', label: t('reports.preset.year') },
            { value: 'custom', label: t('reports.preset.custom') },
          ]}
          data-testid="period-preset"
        />
      </Stack>
      {preset === 'custom' ? (
        <DatePickerInput
          type="range"
          aria-label={t('reports.customRange')}
          placeholder={t('reports.customRange')}
          valueFormat="YYYY-MM-DD"
          value={picking ?? [from, to]}
          onChange={(value) => {
            const [start, end] = value;
            setPicking([start, end]);
            if (start !== null && end !== null) {
              setPicking(null);
              onChange({ from: start, to: end });
            }
          }}
          allowSingleDateInRange
          maxDate={today}
          w={240}
          data-testid="period-range"
        />
      ) : (
        <Group gap={4} wrap="nowrap" align="center" h={36}>
          <Tooltip label={t('reports.previousPeriod')}>
            <ActionIcon
              variant="default"
              aria-label={t('reports.previousPeriod')}
              onClick={() => onChange(shiftPeriod(from, to, -1))}
            >
              <IconChevronLeft size={16} />
            </ActionIcon>
          </Tooltip>
          <Text fw={600} miw={110} ta="center" data-testid="period-title">
            {periodTitle({ kind: current, from, to }, locale)}
          </Text>
          <Tooltip label={t('reports.nextPeriod')}>
            <ActionIcon
              variant="default"
              aria-label={t('reports.nextPeriod')}
              disabled={shiftPeriod(from, to, 1).from > today}
              onClick={() => onChange(shiftPeriod(from, to, 1))}
            >
              <IconChevronRight size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      )}
    </Group>
  );
}
