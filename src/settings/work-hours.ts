import type { Database } from '../db/database';
import { DEFAULT_WORK_HOURS, workHoursSchema, type WorkHours } from './settings.schema';
import { getSetting } from './settings.repository';
import { SETTING_KEYS } from './setting-keys';

/**
 * The center's working hours (the schedule warns outside them). A stored value that no longer
 * passes the schema (edited by hand) falls back to the default rather than breaking scheduling.
 */
export async function loadWorkHours(db: Database): Promise<WorkHours> {
  const stored = await getSetting(db, SETTING_KEYS.workHours);
  if (stored === null) return DEFAULT_WORK_HOURS;
  try {
    const parsed = workHoursSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : DEFAULT_WORK_HOURS;
  } catch {
    return DEFAULT_WORK_HOURS;
  }
}
