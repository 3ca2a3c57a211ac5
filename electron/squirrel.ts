import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * Squirrel.Windows runs the app with `--squirrel-*` during install, update and uninstall and
 * expects it to create or remove its shortcuts and exit at once (what electron-squirrel-startup
 * does). Returns true when this launch was such an event: the caller must then quit without
 * opening a window or the database.
 */
export function handleSquirrelEvent(onDone: () => void): boolean {
  if (process.platform !== 'win32') return false;
  const command = process.argv[1];
  const exe = path.basename(process.execPath);
  const updateExe = path.resolve(path.dirname(process.execPath), '..', 'Update.exe');
  const run = (args: string[]): void => {
    const child = spawn(updateExe, args, { detached: true });
    child.once('error', onDone);
    child.once('close', onDone);
  };
  switch (command) {
    case '--squirrel-install':
    case '--squirrel-updated':
      run([`--createShortcut=${exe}`]);
      return true;
    case '--squirrel-uninstall':
      run([`--removeShortcut=${exe}`]);
      return true;
    case '--squirrel-obsolete':
      onDone();
      return true;
    default:
      return false;
  }
}
