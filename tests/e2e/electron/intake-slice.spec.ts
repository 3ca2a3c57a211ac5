import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CasePage, QueuePage } from '../pages/cases-pages';
import { IntakePage } from '../pages/intake-page';
import { SetupPage } from '../pages/setup-page';
import { Shell } from '../pages/shell';
import { HOSPITAL, ZHANG_WEI } from '../people';
import { electronBinaryAvailable, launchElectron, type LaunchedDesk } from './launch';

/** The same slice as the browser-preview spec, through the real shell (preload + IPC). */
const binary = electronBinaryAvailable();
const skipReason = binary.ok
  ? ''
  : `Electron binary not available (${binary.reason}); run \`npm start\` once on a machine with internet to fetch it`;
test.skip(!binary.ok, skipReason);

let desk: LaunchedDesk;
let dir: string;

test.beforeAll(() => {
  execFileSync('npm', ['run', 'build:electron'], { stdio: 'inherit' });
});

test.beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'md-electron-'));
  desk = await launchElectron(path.join(dir, 'desk.sqlite'));
});

test.afterEach(async () => {
  await desk.close();
  rmSync(dir, { recursive: true, force: true });
});

test('registers a dispute through the Electron window, finds it in the queue and opens it', async () => {
  const page = await desk.app.firstWindow();
  // The preload's bridge is there and is the only thing exposed.
  expect(await page.evaluate(() => Object.keys(window.mediationDesk ?? {}))).toEqual(['call']);

  await new SetupPage(page).createAccount('王芳', 'wangfang', 'reception-pass-1');
  const shell = new Shell(page);
  const intake = new IntakePage(page);
  await shell.open('受理登记');
  await intake.fillPerson(0, {
    name: ZHANG_WEI.name,
    sex: '男',
    id: ZHANG_WEI.id,
    phone: ZHANG_WEI.phone,
  });
  await intake.fillOrganization(1, HOSPITAL);
  await intake.fillDispute('医疗纠纷', '患者术后感染，双方就赔偿金额协商未果。');
  await intake.saveWithKeyboard();
  const number = await intake.savedNumber();

  await shell.open('案件');
  const queue = new QueuePage(page);
  await queue.chooseStudio('医疗纠纷调解工作室');
  await queue.row(number).click();
  await expect(new CasePage(page).number()).toHaveText(number);
});
