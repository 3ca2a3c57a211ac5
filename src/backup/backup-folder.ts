import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AuditBreak } from '../audit/audit-verify';
import { CENTER_TIME_ZONE } from '../shared/center-time';

/**
 * The backup folder: one `.sqlite` file per backup, named for when and why it was made, with a
 * `.json` beside it recording what the checks found when it was written.
 */
export const BACKUP_KINDS = ['daily', 'manual', 'pre-migration', 'pre-restore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

const PREFIX = 'mediation-desk';
const NAME =
  /^mediation-desk-(\d{8})-(\d{6})-(daily|manual|pre-migration|pre-restore)(?:-\d+)?\.sqlite$/;

export interface BackupChecks {
  readonly integrity: boolean;
  readonly chainOk: boolean;
  readonly firstBreak: AuditBreak | null;
  readonly auditRows: number;
  /** Last migration applied in the copy. */
  readonly schema: string | null;
}

export interface BackupRecord {
  readonly name: string;
  readonly file: string;
  readonly kind: BackupKind | 'other';
  /** When it was made (ISO), from its record or else its name; null for a file named otherwise. */
  readonly createdAt: string | null;
  /** Its center date (YYYY-MM-DD), for rotation and display. */
  readonly day: string | null;
  readonly sizeBytes: number;
  /** What the checks found when it was written; null for a file without its record. */
  readonly checks: BackupChecks | null;
}

/** Date and time in the center's zone as `20260310` and `100000`. */
function centerStamp(at: Date): { day: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: CENTER_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return {
    day: `${get('year')}${get('month')}${get('day')}`,
    time: `${get('hour')}${get('minute')}${get('second')}`,
  };
}

/** A file name not yet used in the folder (two backups in one second get `-2`, `-3`, …). */
export async function freshBackupPath(folder: string, kind: BackupKind, at: Date): Promise<string> {
  const { day, time } = centerStamp(at);
  const taken = new Set(await readdir(folder).catch(() => []));
  for (let n = 1; ; n += 1) {
    const name = `${PREFIX}-${day}-${time}-${kind}${n === 1 ? '' : `-${n}`}.sqlite`;
    if (!taken.has(name) && !taken.has(`${name}.partial`)) return path.join(folder, name);
  }
}

export async function ensureFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
}

/** Fails unless a file can be created in the folder (made if missing). */
export async function assertWritableFolder(folder: string): Promise<void> {
  await ensureFolder(folder);
  const probe = path.join(folder, `.write-test-${process.pid}-${Date.now()}`);
  await writeFile(probe, 'ok');
  await rm(probe, { force: true });
}

function sidecarOf(file: string): string {
  return `${file}.json`;
}

interface Sidecar {
  readonly kind: BackupKind;
  readonly createdAt: string;
  readonly checks: BackupChecks;
}

export async function writeSidecar(file: string, sidecar: Sidecar): Promise<void> {
  await writeFile(sidecarOf(file), `${JSON.stringify(sidecar, null, 2)}\n`);
}

async function readSidecar(file: string): Promise<Sidecar | null> {
  try {
    return JSON.parse(await readFile(sidecarOf(file), 'utf8')) as Sidecar;
  } catch {
    return null;
  }
}

function fromName(name: string): { kind: BackupKind; createdAt: string; day: string } | null {
  const match = NAME.exec(name);
  if (match === null) return null;
  const [, d = '', t = '', kind] = match;
  const day = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  const createdAt = new Date(
    `${day}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}+08:00`,
  ).toISOString();
  return { kind: kind as BackupKind, createdAt, day };
}

/** Every `.sqlite` in the folder, newest first; an absent folder has none. */
export async function listBackupFiles(folder: string): Promise<BackupRecord[]> {
  const names = (await readdir(folder).catch(() => [])).filter((n) => n.endsWith('.sqlite'));
  const records: BackupRecord[] = [];
  for (const name of names) {
    const file = path.join(folder, name);
    const info = await stat(file).catch(() => null);
    if (info === null || !info.isFile()) continue;
    const named = fromName(name);
    const sidecar = await readSidecar(file);
    const createdAt = sidecar?.createdAt ?? named?.createdAt ?? null;
    records.push({
      name,
      file,
      kind: sidecar?.kind ?? named?.kind ?? 'other',
      createdAt,
      day: named?.day ?? null,
      sizeBytes: info.size,
      checks: sidecar?.checks ?? null,
    });
  }
  return records.sort(
    (a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || b.name.localeCompare(a.name),
  );
}

export async function deleteBackup(file: string): Promise<void> {
  await rm(file, { force: true });
  await rm(sidecarOf(file), { force: true });
}
