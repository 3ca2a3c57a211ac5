import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { memoryChoiceStore } from '../../src/app/database-choice';
import { parsePostgresUrl, type PostgresConnection } from '../../src/db/postgres/pg-connection';
import { startPreview } from './preview-server';

/**
 * `npm run preview -- --port 5180 --db ./my.sqlite`
 * `npm run preview -- --pg postgres://user:password@host:5432/database` runs on that server; the
 * file named by --db stays the "this computer" database Settings → Database can switch back to.
 * The preview keeps the choice in memory: every start begins on --pg if given, else on the file.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5180' },
    db: { type: 'string', default: path.join('.preview', 'mediation-desk.sqlite') },
    pg: { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got ${values.port}`);
  process.exit(2);
}
let postgres: PostgresConnection | undefined;
if (values.pg !== undefined) {
  try {
    postgres = parsePostgresUrl(values.pg);
  } catch (error) {
    console.error(`--pg: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}
const dbFile = path.resolve(values.db);
mkdirSync(path.dirname(dbFile), { recursive: true });

const choices = memoryChoiceStore(
  postgres === undefined ? { engine: 'sqlite' } : { engine: 'postgres', connection: postgres },
);
const preview = await startPreview({ dbFile, port, choices });
const where =
  postgres === undefined
    ? dbFile
    : `${postgres.user}@${postgres.host}:${postgres.port}/${postgres.database}`;
console.log(`Mediation Desk preview: ${preview.url}  (database: ${where})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void preview.close().then(() => process.exit(0));
  });
}
