import { auditMethods } from '../audit/audit.methods';
import { backupMethods } from '../backup/backup.methods';
import { staffAdminMethods } from '../staff/staff-admin.methods';
import { databaseMethods } from './database.methods';
import { privacyMethods } from './privacy.methods';
import { settingsMethods } from './settings.methods';
import { studioAdminMethods } from './studio-admin.methods';

/**
 * Administration: staff, roles, settings, audit verification, backups, the database in use, and
 * revealing numbers.
 */
export const adminMethods = {
  ...settingsMethods,
  ...studioAdminMethods,
  ...staffAdminMethods,
  ...auditMethods,
  ...backupMethods,
  ...databaseMethods,
  ...privacyMethods,
};
