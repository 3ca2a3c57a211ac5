import { Button, Group, Stack, Text } from '@mantine/core';
import { IconCalendarSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../src/api/contract';
import { useApiQuery } from '../api/hooks';
import { formatRange } from './calendar-time';
import { useSessionLabels } from './use-schedule';

export type FreeSlot = MethodOutput<'schedule/nextFreeSlots'>[number];

interface Props {
  /** What to look for; undefined while the form lacks a studio or people. */
  readonly query: MethodInput<'schedule/nextFreeSlots'> | undefined;
  readonly onPick: (slot: FreeSlot) => void;
}

/** 下一个空闲时段: asks the core for the first few free starts and offers them as buttons. */
export function FreeSlotFinder({ query, onPick }: Props) {
  const { t } = useTranslation();
  const labels = useSessionLabels();
  const [asked, setAsked] = useState<MethodInput<'schedule/nextFreeSlots'> | undefined>();
  const slots = useApiQuery(
    'schedule/nextFreeSlots',
    asked ?? { studioId: 1, durationMinutes: 60 },
    {
      enabled: asked !== undefined,
    },
  );
  return (
    <Stack gap={6}>
      <Group gap="xs">
        <Button
          size="xs"
          variant="light"
          leftSection={<IconCalendarSearch size={16} />}
          disabled={query === undefined}
          loading={slots.isFetching}
          onClick={() => setAsked(query)}
        >
          {t('schedule.freeSlots.find')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('schedule.freeSlots.hint', { days: query?.withinWorkingDays ?? 10 })}
        </Text>
      </Group>
      {asked !== undefined && slots.data !== undefined && (
        <Group gap="xs" data-testid="free-slots">
          {slots.data.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('schedule.freeSlots.none')}
            </Text>
          )}
          {slots.data.map((slot) => (
            <Button
              key={`${slot.start}-${slot.roomId}`}
              size="xs"
              variant="outline"
              onClick={() => onPick(slot)}
            >
              {formatRange(slot.start, slot.end, labels.lang)} · {labels.room(slot)}
            </Button>
          ))}
        </Group>
      )}
    </Stack>
  );
}
