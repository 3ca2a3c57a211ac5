import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../src/cases/case.schema';
import { rowDeadline, URGENCY_COLOR, URGENCY_VARIANT } from './row-deadline';

interface PartyName {
  readonly name: string;
  readonly role: string;
}

/** "申请人、申请人 — 被申请人": who against whom, in one line. */
export function partiesLine(parties: readonly PartyName[], none: string): string {
  const names = (role: string) =>
    parties
      .filter((p) => p.role === role)
      .map((p) => p.name)
      .join('、');
  const applicants = names('applicant');
  const respondents = names('respondent');
  if (applicants === '' && respondents === '') return none;
  return `${applicants || none} — ${respondents || none}`;
}

/**
 * Days left or overdue, coloured by urgency. Calendar days from the row's due date: a list-level
 * signal only; the case page shows the exact working-day count, pauses and extensions.
 */
export function DeadlineCell({
  status,
  deadlineOn,
  today,
}: {
  status: CaseStatus;
  deadlineOn: string | null;
  today: string;
}) {
  const { t } = useTranslation();
  const deadline = rowDeadline(status, deadlineOn, today);
  if (deadline === null) return <span aria-label={t('caseList.deadline.none')}>—</span>;
  const text =
    deadline.urgency === 'overdue'
      ? t('caseList.deadline.overdue', { count: -deadline.days })
      : deadline.urgency === 'today'
        ? t('caseList.deadline.today')
        : t('caseList.deadline.left', { count: deadline.days });
  // A native title, not a Tooltip: rows mount by the dozen while the list scrolls.
  return (
    <Badge
      title={t('caseList.deadline.dueOn', { date: deadline.dueOn })}
      color={URGENCY_COLOR[deadline.urgency]}
      variant={URGENCY_VARIANT[deadline.urgency]}
      tt="none"
      maw="100%"
      data-urgency={deadline.urgency}
    >
      {text}
    </Badge>
  );
}
