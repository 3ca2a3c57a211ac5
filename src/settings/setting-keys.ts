import { IDLE_LOCK_SETTING } from '../staff/session-guard';

/** Keys of the settings table the admin screens edit (one place, so no two spellings exist). */
export const SETTING_KEYS = {
  centerName: 'center.name',
  centerNameEn: 'center.nameEn',
  numberCode: 'center.numberCode',
  numberingTemplate: 'numbering.template',
  idleLockMinutes: IDLE_LOCK_SETTING,
  /** Empty or absent: `backups` beside the database file. */
  backupFolder: 'backup.folder',
  backupKeepDaily: 'backup.keepDaily',
  backupKeepMonthly: 'backup.keepMonthly',
  /** JSON of WorkHours (settings.schema.ts). */
  workHours: 'center.workHours',
} as const;
