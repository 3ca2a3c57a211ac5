/**
 * Which automatic backups to delete: keep the newest backup of each of the `keepDaily` most
 * recent days that have one, and the newest of each of the `keepMonthly` most recent months.
 * Counted over days that have a backup, not calendar days, so a machine left off for a month
 * does not wake up and delete its last good copies. Pure.
 */
export interface RotationItem {
  readonly name: string;
  /** Center date of the backup, YYYY-MM-DD. */
  readonly day: string;
  /** Exact instant, for ordering within a day. */
  readonly at: string;
}

export interface RotationPolicy {
  readonly keepDaily: number;
  readonly keepMonthly: number;
}

export function backupsToDelete(items: readonly RotationItem[], policy: RotationPolicy): string[] {
  const newestFirst = [...items].sort((a, b) =>
    a.at === b.at ? b.name.localeCompare(a.name) : b.at.localeCompare(a.at),
  );
  const keep = new Set<string>();
  const days: string[] = [];
  const months: string[] = [];
  for (const item of newestFirst) {
    if (!days.includes(item.day)) {
      days.push(item.day);
      if (days.length <= policy.keepDaily) keep.add(item.name);
    }
    const month = item.day.slice(0, 7);
    if (!months.includes(month)) {
      months.push(month);
      if (months.length <= policy.keepMonthly) keep.add(item.name);
    }
  }
  return newestFirst.filter((item) => !keep.has(item.name)).map((item) => item.name);
}
