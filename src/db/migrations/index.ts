import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_default_studios';

/**
 * Append-only, in order. Listed statically (not read from a folder) so the bundled Electron main
 * process carries them.
 */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_default_studios': m0002,
};
