import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Two projects. `sqlite`: every unit and integration test, on embedded database files.
 * `postgres`: the same integration suites (tests/src) again, each test core on its own
 * PostgreSQL database (tests/support/test-postgres.ts) of a throwaway server the global setup
 * starts, or of MD_TEST_PG_URL. Left out there: the suites about the embedded file itself.
 * `*.pg.test.ts` files are about the server alone (many workstations, connection tests) and run
 * in the `postgres` project only.
 */
const sqliteOnly = [
  // The driver, its transactions and raw handle, the file's connection settings.
  'tests/src/db/sqlite/**',
  // Backups copy, check and restore the embedded file (a server refuses them:
  // backup-on-server.pg.test.ts); crash safety kills writers of the file.
  'tests/src/backup/backup.test.ts',
  'tests/src/backup/crash-safety.test.ts',
  'tests/src/backup/raw-connection.test.ts',
  // FTS5's vocabulary and the planner statistics SQLite alone keeps.
  'tests/src/search/sqlite/**',
  // SQLite's AUTOINCREMENT remembers issued ids, so a log cut at its end shows; PostgreSQL
  // keeps no such record (src/audit/audit.repository.ts, highestIssuedAuditId).
  'tests/src/audit/sqlite/**',
];

export default defineConfig({
  resolve: {
    // The shell is tested without the Electron binary: `electron` resolves to a fake.
    alias: { electron: fileURLToPath(new URL('./tests/fakes/electron.ts', import.meta.url)) },
  },
  test: {
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['tests/{src,electron,renderer,forge}/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**', 'node_modules/**', '**/*.pg.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['tests/src/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**', ...sqliteOnly],
          env: { MD_TEST_ENGINE: 'postgres' },
          globalSetup: ['tests/support/postgres-global-setup.ts'],
        },
      },
    ],
  },
});
