import { DUE_SOON_DAYS, OPEN_STATUSES } from '../../../src/cases/case-list.schema';
import type { CaseStatus } from '../../../src/cases/case.schema';

export type RowUrgency = 'overdue' | 'today' | 'due_soon' | 'normal';

export interface RowDeadline {
  readonly dueOn: string;
  /** Calendar days from today to the due date: 0 on the day, negative once passed. */
  readonly days: number;
  readonly urgency: RowUrgency;
}

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

/**
 * A list row's deadline for display only, in calendar days from the stored due date (the same
 * reckoning the list's overdue / due-soon filters use). The working-day count, pauses and
 * extensions are the case page's.
 */
export function rowDeadline(
  status: CaseStatus,
  deadlineOn: string | null,
  today: string,
): RowDeadline | null {
  if (deadlineOn === null || !(OPEN_STATUSES as readonly string[]).includes(status)) return null;
  const days = Math.round(dayNumber(deadlineOn) - dayNumber(today));
  const urgency: RowUrgency =
    days < 0 ? 'overdue' : days === 0 ? 'today' : days <= DUE_SOON_DAYS ? 'due_soon' : 'normal';
  return { dueOn: deadlineOn, days, urgency };
}

export const URGENCY_COLOR: Record<RowUrgency, string> = {
  overdue: 'red',
  today: 'orange',
  due_soon: 'orange',
  normal: 'teal',
};

/** Filled for what needs action now, light for what is coming. */
export const URGENCY_VARIANT: Record<RowUrgency, 'filled' | 'light'> = {
  overdue: 'filled',
  today: 'filled',
  due_soon: 'light',
  normal: 'light',
};
