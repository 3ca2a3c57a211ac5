import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../src/api/contract';
import { useApiQuery } from '../api/hooks';
import { formatDateTime } from '../shared/format';
import { useStudioName, useStudios } from '../shared/studios';

type CaseEvent = MethodOutput<'cases/get'>['events'][number];

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** Every event of the case with who and when, in words. */
export function CaseTimeline({ events }: { events: readonly CaseEvent[] }) {
  const { t } = useTranslation();
  const studios = useStudios();
  const studioName = useStudioName();
  const staff = useApiQuery('staff/list', {});
  const studio = (id: unknown) => studioName(studios.data?.find((s) => s.id === id));

  const describe = (e: CaseEvent): string => {
    const d = (typeof e.data === 'object' && e.data !== null ? e.data : {}) as Record<
      string,
      unknown
    >;
    switch (e.kind) {
      case 'registered':
        return d.linkedFrom
          ? t('event.registeredLinked', { number: text(d.number), from: text(d.linkedFrom) })
          : t('event.registered', { number: text(d.number) });
      case 'concluded':
        return (
          t('event.concluded', { outcome: t(`label.outcome.${text(d.outcome)}`) }) +
          (d.advisedRoute ? `（${t(`label.advisedRoute.${text(d.advisedRoute)}`)}）` : '')
        );
      case 'transferred':
        return t('event.transferred', {
          from: studio(d.from),
          to: studio(d.to),
          reason: text(d.reason),
        });
      case 'mediatorsAssigned': {
        const ids = Array.isArray(d.staffIds) ? d.staffIds : [];
        const names = ids.map(
          (id) => staff.data?.find((s) => s.id === id)?.displayName ?? `#${text(id)}`,
        );
        return t('event.mediatorsAssigned', { names: names.join('、') || t('common.none') });
      }
      case 'linkedCaseOpened':
        return t('event.linkedCaseOpened', {
          kind: t(`label.linkKind.${text(d.kind)}`),
          number: text(d.number),
        });
      case 'followedUp':
        return t('event.followedUp', {
          performance: t(`label.performance.${text(d.performance)}`),
        });
      default:
        return t(`event.${e.kind}`, {
          reason: text(d.reason),
          to: text(d.to),
          days: text(d.days),
          dueOn: text(d.dueOn),
        });
    }
  };

  return (
    <Timeline active={events.length - 1} bulletSize={14} lineWidth={2}>
      {events.map((e) => (
        <Timeline.Item key={e.id} title={describe(e)}>
          <Text size="xs" c="dimmed">
            {formatDateTime(e.at)} · {e.staffName ?? t('common.none')}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
