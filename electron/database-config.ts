import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { DatabaseChoice, DatabaseChoiceStore } from '../src/app/database-choice';
import { TLS_MODES } from '../src/db/postgres/pg-connection';

/** `<userData>/database.json`: which database this workstation works on. */
export const DATABASE_CHOICE_FILE = 'database.json';

/** The part of Electron's `safeStorage` the store uses (a fake in tests). */
export interface SecretBox {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which keyring the system offers. */
  getSelectedStorageBackend?: () => string;
}

/** The file's shape. The password is never written as text: encrypted by the system, or absent. */
const storedChoice = z.discriminatedUnion('engine', [
  z.object({ engine: z.literal('sqlite') }),
  z.object({
    engine: z.literal('postgres'),
    connection: z.object({
      host: z.string().min(1),
      port: z.number().int().min(1).max(65535),
      database: z.string().min(1),
      user: z.string().min(1),
      tls: z.enum(TLS_MODES),
    }),
    /** safeStorage.encryptString, base64. */
    encryptedPassword: z.string().optional(),
  }),
]);
type StoredChoice = z.infer<typeof storedChoice>;

/**
 * Whether the system can keep a secret for this user. On Linux without a keyring Electron falls
 * back to 'basic_text', a fixed key anyone with the file could undo: that counts as no encryption.
 */
export function systemCanKeepSecrets(box: SecretBox, platform: NodeJS.Platform): boolean {
  if (!box.isEncryptionAvailable()) return false;
  if (platform === 'linux' && box.getSelectedStorageBackend?.() === 'basic_text') return false;
  return true;
}

export interface ChoiceFileOptions {
  /** Full path of database.json. */
  readonly file: string;
  readonly secrets: SecretBox;
  readonly platform?: NodeJS.Platform;
  readonly warn?: (message: string) => void;
}

/**
 * The desktop app's DatabaseChoiceStore. A missing file means this computer's embedded database;
 * so does a file that cannot be read (with a warning): the embedded file is always there to fall
 * back on, and the administrator can choose the server again in Settings → Database. Where the
 * system keeps no secrets, the password lives in this process's memory only.
 */
export function databaseChoiceFile(options: ChoiceFileOptions): DatabaseChoiceStore {
  const warn = options.warn ?? ((message: string) => console.warn(`[mediation-desk] ${message}`));
  const canKeepPasswords = systemCanKeepSecrets(
    options.secrets,
    options.platform ?? process.platform,
  );
  // What this run chose last, password included, so a later load in the same run has it.
  let remembered: DatabaseChoice | null = null;

  const load = (): DatabaseChoice => {
    if (remembered !== null) return remembered;
    const stored = readStored(options.file, warn);
    if (stored.engine === 'sqlite') return { engine: 'sqlite' };
    return {
      engine: 'postgres',
      connection: { ...stored.connection, password: decrypt(stored.encryptedPassword) },
    };
  };

  const decrypt = (encrypted: string | undefined): string => {
    if (encrypted === undefined || !canKeepPasswords) return '';
    try {
      return options.secrets.decryptString(Buffer.from(encrypted, 'base64'));
    } catch (error) {
      // Another user's keyring, or a reset one: ask for the password again rather than fail.
      warn(`the saved server password cannot be decrypted (${String(error)}); it is ignored`);
      return '';
    }
  };

  const save = (choice: DatabaseChoice): void => {
    let stored: StoredChoice;
    if (choice.engine === 'sqlite') {
      stored = { engine: 'sqlite' };
    } else {
      const { password, ...connection } = choice.connection;
      stored = {
        engine: 'postgres',
        connection,
        ...(password !== '' && canKeepPasswords
          ? { encryptedPassword: options.secrets.encryptString(password).toString('base64') }
          : {}),
      };
    }
    writeFileAtomic(options.file, `${JSON.stringify({ version: 1, ...stored }, null, 2)}\n`);
    remembered = choice;
  };

  return { canKeepPasswords, load, save };
}

function readStored(file: string, warn: (message: string) => void): StoredChoice {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      warn(`${file} cannot be read (${String(error)}); using this computer's database`);
    }
    return { engine: 'sqlite' };
  }
  try {
    const parsed = storedChoice.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    warn(
      `${file} is not a database choice (${parsed.error.message}); using this computer's database`,
    );
  } catch (error) {
    warn(`${file} is not valid JSON (${String(error)}); using this computer's database`);
  }
  return { engine: 'sqlite' };
}

/** The file operations `writeFileAtomic` needs (tests inject failures). */
export interface AtomicWriteFs {
  openSync: typeof openSync;
  writeSync: (fd: number, text: string) => number;
  fsyncSync: typeof fsyncSync;
  closeSync: typeof closeSync;
  renameSync: typeof renameSync;
  rmSync: typeof rmSync;
}

const nodeFs: AtomicWriteFs = {
  openSync,
  writeSync: (fd, text) => writeSync(fd, text),
  fsyncSync,
  closeSync,
  renameSync,
  rmSync,
};

/**
 * Writes beside the target, flushes, then renames over it: a crash or a full disk leaves either
 * the old file or the new one, never half of one. Readable by this user only.
 */
export function writeFileAtomic(file: string, text: string, fs: AtomicWriteFs = nodeFs): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    const fd = fs.openSync(temp, 'w', 0o600);
    try {
      fs.writeSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
