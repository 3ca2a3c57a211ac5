import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../src/api/contract';

type Deadline = NonNullable<MethodOutput<'cases/get'>['deadline']>;

/** Days left / overdue / paused, with the due date on hover. */
export function DeadlineBadge({ deadline }: { deadline: Deadline }) {
  const { t } = useTranslation();
  const unit = deadline.unit === 'working_days' ? t('deadline.workingDays') : t('deadline.days');
  const text =
    deadline.pausedSince !== null
      ? t('deadline.paused', { since: deadline.pausedSince })
      : deadline.daysLeft < 0
        ? t('deadline.overdue', { count: -deadline.daysLeft, unit })
        : t('deadline.left', { count: deadline.daysLeft, unit });
  const color =
    deadline.pausedSince !== null
      ? 'gray'
      : deadline.urgency === 'overdue'
        ? 'red'
        : deadline.urgency === 'due_soon'
          ? 'orange'
          : 'teal';
  return (
    <Tooltip label={t('deadline.dueOn', { date: deadline.dueOn })}>
      <Badge color={color} variant="filled" data-testid="deadline-badge">
        {text}
      </Badge>
    </Tooltip>
  );
}
