import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startPreview } from './preview-server';

/** `npm run preview -- --port 5180 --db ./my.sqlite` */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5180' },
    db: { type: 'string', default: path.join('.preview', 'mediation-desk.sqlite') },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got ${values.port}`);
  process.exit(2);
}
const dbFile = path.resolve(values.db);
mkdirSync(path.dirname(dbFile), { recursive: true });

const preview = await startPreview({ dbFile, port });
console.log(`Mediation Desk preview: ${preview.url}  (database: ${dbFile})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void preview.close().then(() => process.exit(0));
  });
}
