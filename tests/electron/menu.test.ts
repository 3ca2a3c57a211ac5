import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { applicationMenuTemplate, installApplicationMenu } from '../../electron/menu';
import { Menu, resetFakeElectron } from '../fakes/electron';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu) : []),
  ]);
}

function roles(options: Parameters<typeof applicationMenuTemplate>[0]): string[] {
  return flatten(applicationMenuTemplate(options)).flatMap((item) =>
    item.role ? [item.role] : [],
  );
}

describe('application menu', () => {
  beforeEach(() => resetFakeElectron());

  it('has the standard edit roles so copy and paste work in forms', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      expect(roles({ dev: false, platform })).toEqual(
        expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
      );
    }
  });

  it('offers reload and developer tools only in development', () => {
    const devOnly = ['reload', 'forceReload', 'toggleDevTools'];
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      expect(roles({ dev: true, platform })).toEqual(expect.arrayContaining(devOnly));
      for (const role of devOnly) expect(roles({ dev: false, platform })).not.toContain(role);
    }
  });

  it('is labelled in Chinese', () => {
    const labelled = flatten(applicationMenuTemplate({ dev: true, platform: 'win32' })).filter(
      (item) => item.type !== 'separator',
    );
    expect(labelled.length).toBeGreaterThan(10);
    for (const item of labelled) expect(item.label, item.role).toMatch(/\p{Script=Han}/u);
  });

  it('is installed as the application menu', () => {
    installApplicationMenu({ dev: false, platform: 'linux' });
    expect(Menu.applicationMenu?.template).toEqual(
      applicationMenuTemplate({ dev: false, platform: 'linux' }),
    );
  });
});
