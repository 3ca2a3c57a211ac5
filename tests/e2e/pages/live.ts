import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { PreviewServer } from '../../harness/preview-server';

/** One person's login, made through the core (the setup and staff screens have their own specs). */
export interface Person {
  readonly name: string;
  readonly username: string;
  readonly password: string;
}

export const ADMIN: Person = { name: '陈主任', username: 'chen', password: 'admin-pass-123' };
export const RECEPTION: Person = {
  name: '前台小王',
  username: 'wang',
  password: 'reception-pass-1',
};
export const MEDIATOR: Person = {
  name: '李调解',
  username: 'li.ming',
  password: 'mediator-pass-1',
};
export const SECOND_ADMIN: Person = {
  name: '赵管理',
  username: 'zhao',
  password: 'admin-pass-456',
};

/** Calls the core of a preview directly, as a session of its own (set-up, not the subject). */
export class CoreDesk {
  constructor(
    private readonly preview: PreviewServer,
    private readonly session = 'e2e-live-api',
  ) {}

  async call<T = unknown>(method: string, input: unknown): Promise<T> {
    const result = await this.preview.core.dispatch(this.session, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  }

  /** First start (the admin, who holds every role) plus the reception clerk and a mediator. */
  async seedCenter(): Promise<{ medical: number }> {
    await this.call('auth/setup', {
      displayName: ADMIN.name,
      username: ADMIN.username,
      password: ADMIN.password,
      roles: ['admin'],
    });
    const studios = await this.call<{ id: number; code: string }[]>('studios/list', {});
    const medical = studios.find((s) => s.code === 'medical')?.id ?? 0;
    const add = (p: Person, roles: string[], studioIds: number[]) =>
      this.call('staff/create', {
        displayName: p.name,
        username: p.username,
        password: p.password,
        roles,
        studioIds,
      });
    await add(RECEPTION, ['reception'], []);
    await add(MEDIATOR, ['mediator'], [medical]);
    await add(SECOND_ADMIN, ['admin'], []);
    return { medical };
  }
}

/**
 * One workstation: a browser context of its own (its own session cookie), signed in as one
 * person. Records the API methods its page calls, to see what polling costs.
 */
export class Workstation {
  readonly calls: string[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/api/')) this.calls.push(pathname.slice('/api/'.length));
    });
    page.on('pageerror', (error) => console.error(`[page error] ${error.stack ?? error.message}`));
  }

  static async signIn(browser: Browser, url: string, person: Person): Promise<Workstation> {
    // A context made by hand does not take playwright.config's `use`: the same desk, stated.
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1400, height: 1000 },
    });
    const page = await context.newPage();
    const desk = new Workstation(context, page);
    await page.goto(url);
    await page.getByLabel('用户名').fill(person.username);
    await page.getByLabel('密码').fill(person.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText(`当前用户：${person.name}`).waitFor();
    return desk;
  }

  /** How many times the page has called `method` so far. */
  count(method: string): number {
    return this.calls.filter((m) => m === method).length;
  }

  async close() {
    await this.context.close();
  }
}
