import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../src/api/contract';
import { formatDateTime } from '../shared/format';

type CaseEvent = MethodOutput<'cases/get'>['events'][number];

/** Every event of the case with who and when. */
export function CaseTimeline({ events }: { events: readonly CaseEvent[] }) {
  const { t } = useTranslation();
  return (
    <Timeline active={events.length - 1} bulletSize={14} lineWidth={2}>
      {events.map((e) => (
        <Timeline.Item key={e.id} title={t(`event.${e.kind}`, e.data as Record<string, unknown>)}>
          <Text size="xs" c="dimmed">
            {formatDateTime(e.at)} · {e.staffName ?? t('common.none')}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
