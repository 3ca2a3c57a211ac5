import type { PreviewServer } from '../../harness/preview-server';
import { expect, test } from '../fixtures';
import { CaseListPage, CasePage, CommandPalette } from '../pages/cases-pages';
import { SetupPage } from '../pages/setup-page';
import { Shell } from '../pages/shell';
import { HOSPITAL, LI_NA, residentId, ZHANG_WEI } from '../people';

const USER = { name: '王芳', username: 'wangfang', password: 'finding-pass-1' };
const API_SESSION = 'e2e-case-list';
/** Studio ids of the default studios (migration 0002). */
const MEDICAL = 1;
const LABOUR = 6;

interface Registered {
  readonly id: number;
  readonly number: string;
}

interface Party {
  readonly role: 'applicant' | 'respondent';
  readonly party: Record<string, string>;
}

const person = (role: Party['role'], name: string, extra: Record<string, string> = {}): Party => ({
  role,
  party: { kind: 'person', name, sex: 'male', ...extra },
});

/** Data through the core, as the first account (every role, every studio). */
class Api {
  private signedIn = false;
  constructor(private readonly preview: PreviewServer) {}

  async call<T>(method: string, input: unknown): Promise<T> {
    if (!this.signedIn) {
      const signIn = await this.preview.core.dispatch(API_SESSION, 'auth/signIn', {
        username: USER.username,
        password: USER.password,
      });
      expect(signIn.ok).toBe(true);
      this.signedIn = true;
    }
    const result = await this.preview.core.dispatch(API_SESSION, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  }

  register(
    studioId: number,
    applicant: Party,
    respondent: Party,
    extra: { category?: string; summary?: string } = {},
  ): Promise<Registered> {
    return this.call('cases/register', {
      studioId,
      category: extra.category ?? (studioId === LABOUR ? 'labour' : 'medical'),
      source: 'walk_in',
      summary: extra.summary ?? '双方就赔偿金额协商未果。',
      parties: [applicant, respondent],
    });
  }

  async accept(id: number): Promise<void> {
    const c = await this.call<{ version: number }>('cases/get', { id });
    await this.call('cases/accept', { id, version: c.version });
  }
}

test.beforeEach(async ({ page, preview }) => {
  await page.goto(preview.url);
  await new SetupPage(page).createAccount(USER.name, USER.username, USER.password);
});

test('search finds cases by a two-character name, a number fragment, a full resident ID and a phone', async ({
  page,
  preview,
}) => {
  const api = new Api(preview);
  const zhang = await api.register(
    MEDICAL,
    person('applicant', ZHANG_WEI.name, { idNumber: ZHANG_WEI.id }),
    { role: 'respondent', party: { kind: 'organization', name: HOSPITAL.name } },
  );
  const first = await api.register(
    LABOUR,
    person('applicant', '王强'),
    person('respondent', '赵刚'),
    {
      summary: '拖欠工资三个月。',
    },
  );
  const second = await api.register(
    LABOUR,
    person('applicant', '刘洋'),
    {
      role: 'respondent',
      party: { kind: 'person', name: LI_NA.name, sex: 'female', phone: LI_NA.phone },
    },
    { summary: '加班费计算方式有争议。' },
  );
  expect(second.number).toMatch(/第0002号$/);

  await new Shell(page).open('案件');
  const list = new CaseListPage(page);
  await expect(list.count()).toHaveText('共 3 件');
  await expect(list.rows()).toHaveCount(3);

  await list.search(ZHANG_WEI.name);
  await expect(list.count()).toHaveText('共 1 件');
  await expect(list.rows()).toHaveCount(1);
  await expect(list.row(zhang.number)).toContainText(`${ZHANG_WEI.name} — ${HOSPITAL.name}`);

  // A fragment of a case number: the labour studio's second case only.
  await list.search('0002');
  await expect(list.rows()).toHaveCount(1);
  await expect(list.row(second.number)).toBeVisible();

  // A full resident ID finds the person's cases exactly; the list never shows the number.
  await list.search(ZHANG_WEI.id);
  await expect(list.rows()).toHaveCount(1);
  await expect(list.row(zhang.number)).toBeVisible();
  await expect(list.list()).not.toContainText(ZHANG_WEI.id);

  await list.search(LI_NA.phone);
  await expect(list.rows()).toHaveCount(1);
  await expect(list.row(second.number)).toContainText(LI_NA.name);

  // Words of the dispute.
  await list.search('工资');
  await expect(list.rows()).toHaveCount(1);
  await expect(list.row(first.number)).toBeVisible();

  await list.search('查无此人');
  await expect(list.empty()).toContainText('没有符合条件的案件');
  await expect(list.count()).toHaveText('共 0 件');
  await list.empty().getByRole('button', { name: '清除筛选' }).click();
  await expect(list.rows()).toHaveCount(3);
  await expect(list.searchBox()).toHaveValue('');
});

test('filters by studio and status, sorts by number, and Back returns to the same list', async ({
  page,
  preview,
}) => {
  const api = new Api(preview);
  const medical: Registered[] = [];
  for (const [a, b] of [
    ['孙丽', '周杰'],
    ['吴敏', '郑浩'],
    ['冯军', '陈红'],
  ] as const) {
    medical.push(await api.register(MEDICAL, person('applicant', a), person('respondent', b)));
  }
  const labour = [
    await api.register(LABOUR, person('applicant', '何平'), person('respondent', '高峰')),
    await api.register(LABOUR, person('applicant', '林涛'), person('respondent', '罗斌')),
  ];
  await api.accept(medical[1]!.id);

  await page.goto(`${preview.url}#/cases`);
  const list = new CaseListPage(page);
  await expect(list.count()).toHaveText('共 5 件');

  await list.chooseStudio('医疗纠纷调解工作室');
  await expect(list.count()).toHaveText('共 3 件');
  await expect(list.rows()).toHaveCount(3);
  await list.chooseStatus('受理');
  await expect(list.rows()).toHaveCount(1);
  await expect(list.row(medical[1]!.number)).toContainText('受理');
  // The filter is in the address: a reload shows the same list.
  expect(page.url()).toMatch(/#\/cases\?.*studio=1/);
  await page.reload();
  await expect(list.rows()).toHaveCount(1);

  await list.clearFilters();
  await expect(list.rows()).toHaveCount(5);

  // Newest registered first by default; 案号 sorts by number, ascending then descending.
  const all = [...medical, ...labour].map((c) => c.number);
  await expect.poll(() => list.numbers()).toEqual([...all].reverse());
  await list.sortBy('案号');
  await expect(list.columnHeader('案号')).toHaveAttribute('aria-sort', 'ascending');
  const ascending = [...all].sort();
  await expect.poll(() => list.numbers()).toEqual(ascending);
  await list.sortBy('案号');
  await expect(list.columnHeader('案号')).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => list.numbers()).toEqual([...ascending].reverse());

  // Open a case from a filtered list; Back returns to that list.
  await list.chooseStudio('劳动争议调解工作室');
  await expect(list.rows()).toHaveCount(2);
  await list.row(labour[0]!.number).click();
  await expect(new CasePage(page).number()).toHaveText(labour[0]!.number);
  await page.goBack();
  await expect(list.rows()).toHaveCount(2);
  expect(page.url()).toMatch(/#\/cases\?studio=6&sort=number$/);
  // So does "Cases" in the navigation: the last list is restored.
  await new Shell(page).open('首页');
  await new Shell(page).open('案件');
  await expect(list.rows()).toHaveCount(2);
});

test('300 cases scroll with only a window of rows in the DOM; keyboard moves and opens', async ({
  page,
  preview,
}) => {
  test.setTimeout(120_000);
  const api = new Api(preview);
  const cases: Registered[] = [];
  for (let i = 0; i < 300; i += 1) {
    const studioId = i % 2 === 0 ? MEDICAL : LABOUR;
    const seq = String(i).padStart(3, '0');
    cases.push(
      await api.register(
        studioId,
        person('applicant', `申请人${seq}`),
        person('respondent', `被申请人${seq}`),
      ),
    );
  }
  const oldest = cases[0]!;
  const newest = cases.at(-1)!;

  await page.goto(`${preview.url}#/cases`);
  const list = new CaseListPage(page);
  await expect(list.count()).toHaveText('共 300 件');
  await expect(list.row(newest.number)).toBeVisible();
  const windowSize = await list.rows().count();
  expect(windowSize).toBeGreaterThan(5);
  expect(windowSize).toBeLessThan(60);

  // ↓ moves to the next row.
  await list.row(newest.number).focus();
  await page.keyboard.press('ArrowDown');
  await expect(list.row(cases.at(-2)!.number)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(list.row(newest.number)).toBeFocused();

  // End goes to the last loaded row; the next page loads as it comes near, until the oldest.
  await expect(async () => {
    await page.keyboard.press('End');
    await expect(list.row(oldest.number)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(list.row(oldest.number)).toBeFocused();
  expect(await list.rows().count()).toBeLessThan(60);
  await expect(list.row(newest.number)).toHaveCount(0);
  expect(await list.list().getAttribute('aria-rowcount')).toBe('301');

  await page.keyboard.press('Enter');
  await expect(new CasePage(page).number()).toHaveText(oldest.number);

  // Back: the same rows in view, the same row active.
  await page.goBack();
  await expect(list.row(oldest.number)).toBeInViewport();
  await expect(list.row(newest.number)).toHaveCount(0);
});

test('a saved filter is named, picked again after clearing, kept, and deleted after confirmation', async ({
  page,
  preview,
}) => {
  const api = new Api(preview);
  const medical = await api.register(
    MEDICAL,
    person('applicant', '张伟'),
    person('respondent', '李强'),
  );
  await api.register(MEDICAL, person('applicant', '黄磊'), person('respondent', '宋佳'));
  await api.register(LABOUR, person('applicant', '张伟'), person('respondent', '马超'));
  await api.accept(medical.id);

  await page.goto(`${preview.url}#/cases`);
  const list = new CaseListPage(page);
  await expect(list.count()).toHaveText('共 3 件');
  await list.pick('工作室', '医疗纠纷调解工作室');
  await list.search('张伟');
  await expect(list.rows()).toHaveCount(1);
  await list.saveFilter('医疗·张伟');
  await expect(list.savedFiltersButton()).toHaveText('医疗·张伟');

  await list.clearFilters();
  await expect(list.rows()).toHaveCount(3);
  await expect(list.savedFiltersButton()).toHaveText('已保存的筛选');

  await list.applySaved('医疗·张伟');
  await expect(list.rows()).toHaveCount(1);
  await expect(list.row(medical.number)).toBeVisible();
  await expect(list.searchBox()).toHaveValue('张伟');

  // A second filter; a name already taken is refused next to the field.
  await list.clearFilters();
  await list.chooseStatus('受理');
  await expect(list.rows()).toHaveCount(1);
  await list.savedFiltersButton().click();
  await page.getByRole('button', { name: '保存当前筛选…' }).click();
  const naming = page.getByRole('dialog', { name: '保存当前筛选' });
  await naming.getByLabel(/^名称/).fill('医疗·张伟');
  await naming.getByRole('button', { name: '保存' }).click();
  await expect(naming).toContainText('已有同名的筛选，请换一个名称');
  await naming.getByRole('button', { name: '取消' }).click();
  await list.saveFilter('只看受理');
  await list.savedFiltersButton().click();
  await expect(list.savedFilters()).toHaveCount(2);
  await page.keyboard.press('Escape');

  // Kept on this workstation across a reload.
  await page.reload();
  await list.savedFiltersButton().click();
  await expect(list.savedFilters()).toHaveCount(2);
  await page.keyboard.press('Escape');

  // Deleting asks first; cancelling keeps it.
  await list.savedFiltersButton().click();
  await page.getByRole('button', { name: '删除筛选“医疗·张伟”' }).click();
  const confirm = page.getByRole('dialog', { name: '删除已保存的筛选' });
  await expect(confirm).toContainText('确定删除筛选“医疗·张伟”');
  await confirm.getByRole('button', { name: '取消' }).click();
  await list.savedFiltersButton().click();
  await expect(list.savedFilters()).toHaveCount(2);
  await page.keyboard.press('Escape');

  await list.deleteSaved('医疗·张伟');
  await list.savedFiltersButton().click();
  await expect(list.savedFilters()).toHaveCount(1);
  await expect(list.savedFilters()).toHaveText(['只看受理']);
});

test('Ctrl+K finds a case by name or number and Enter opens it, from anywhere', async ({
  page,
  preview,
}) => {
  const api = new Api(preview);
  const zhang = await api.register(
    MEDICAL,
    person('applicant', ZHANG_WEI.name, { idNumber: ZHANG_WEI.id }),
    person('respondent', '钱进', { idNumber: residentId('11010119750505003') }),
  );
  const other = await api.register(
    LABOUR,
    person('applicant', '周敏'),
    person('respondent', '吴昊'),
  );

  const palette = new CommandPalette(page);
  await palette.open();
  await palette.input().fill(ZHANG_WEI.name);
  await expect(palette.caseResults()).toHaveCount(1);
  await expect(palette.caseResults()).toContainText(zhang.number);
  await expect(palette.caseResults()).toContainText(`${ZHANG_WEI.name} — 钱进`);
  await page.keyboard.press('Enter');
  await expect(new CasePage(page).number()).toHaveText(zhang.number);

  // From inside a form field too; a number fragment; Enter opens the first result.
  await new Shell(page).open('受理登记');
  await page.getByTestId('party-0').getByLabel(/^姓名/).focus();
  await palette.open();
  // Without the year: （2026） typed with an IME or not, the rest of the number is enough.
  await palette.input().fill(other.number.replace(/^（\d{4}）/, ''));
  await expect(palette.caseResults()).toHaveCount(1);
  // The previous search's result shows until the new one arrives: wait for the right case.
  await expect(palette.caseResults()).toContainText(other.number);
  await page.keyboard.press('Enter');
  await expect(new CasePage(page).number()).toHaveText(other.number);

  // Navigation entries; the nav link opens the palette as well.
  await page.getByRole('navigation', { name: 'main navigation' }).getByText('快速查找').click();
  await palette.input().fill('案件');
  await page.getByRole('button', { name: '案件', exact: true }).click();
  await expect(page.getByRole('heading', { name: '案件', level: 2 })).toBeVisible();
});
