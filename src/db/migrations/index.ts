import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_default_studios';
import * as m0003 from './0003_case_lifecycle';
import * as m0004 from './0004_working_calendar';
import * as m0005 from './0005_case_search';
import * as m0006 from './0006_sessions';
import * as m0007 from './0007_documents';
import * as m0008 from './0008_staff_security';
import * as m0009 from './0009_reports';
import * as m0010 from './0010_center_server';
import * as m0011 from './0011_server_text_order';

/**
 * Append-only, in order. Listed statically (not read from a folder) so the bundled Electron main
 * process carries them.
 */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_default_studios': m0002,
  '0003_case_lifecycle': m0003,
  '0004_working_calendar': m0004,
  '0005_case_search': m0005,
  '0006_sessions': m0006,
  '0007_documents': m0007,
  '0008_staff_security': m0008,
  '0009_reports': m0009,
  '0010_center_server': m0010,
  '0011_server_text_order': m0011,
};
