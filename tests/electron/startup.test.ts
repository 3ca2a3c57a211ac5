import { describe, expect, it, vi } from 'vitest';
import { memoryChoiceStore, type DatabaseChoice } from '../../src/app/database-choice';
import { SchemaNewerError } from '../../src/db/database';
import {
  openWithRecovery,
  startupPrompt,
  systemLocale,
  type StartupAction,
} from '../../electron/startup';

const SERVER: DatabaseChoice = {
  engine: 'postgres',
  connection: {
    host: '10.0.0.5',
    port: 5432,
    database: 'mediation',
    user: 'desk',
    password: 'secret',
    tls: 'disable',
  },
};

const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' });

describe('startupPrompt', () => {
  it('none for the embedded database: its failure is fatal', () => {
    expect(
      startupPrompt({ engine: 'sqlite' }, new Error('database is locked'), 'zh-CN'),
    ).toBeNull();
  });

  it('an unreachable server: retry, this computer, quit; says what is missing locally', () => {
    const prompt = startupPrompt(SERVER, refused(), 'zh-CN');
    expect(prompt?.buttons).toEqual(['重试', '改用本机数据库', '退出']);
    expect(prompt?.actions).toEqual(['retry', 'useEmbedded', 'quit']);
    expect(prompt?.cancelId).toBe(2);
    expect(prompt?.detail).toContain('10.0.0.5:5432 上没有服务应答');
    expect(prompt?.detail).toContain('desk@10.0.0.5:5432/mediation');
    expect(prompt?.detail).toContain('在服务器上登记的案件和其他记录不在本机数据库中');
    expect(prompt?.detail).not.toContain('secret');
  });

  it.each([
    [
      Object.assign(new Error('password authentication failed'), { code: '28P01' }),
      '服务器拒绝了用户“desk”的密码',
    ],
    [
      Object.assign(new Error('database "x" does not exist'), { code: '3D000' }),
      '服务器上没有名为“mediation”的数据库',
    ],
    [new Error('Connection terminated due to connection timeout'), '在限定时间内没有回应'],
    [new Error('something odd'), 'something odd'],
  ])('explains %s', (error, text) => {
    expect(startupPrompt(SERVER, error, 'zh-CN')?.detail).toContain(text);
  });

  it('a schema newer than the app: no retry (it would fail the same way)', () => {
    const prompt = startupPrompt(SERVER, new SchemaNewerError(['0099_future']), 'en');
    expect(prompt?.actions).toEqual(['useEmbedded', 'quit']);
    expect(prompt?.buttons).toEqual(["Use this computer's database", 'Quit']);
    expect(prompt?.cancelId).toBe(1);
    expect(prompt?.detail).toContain('A newer Mediation Desk has upgraded this database');
    expect(prompt?.detail).toContain('0099_future');
  });

  it('speaks English only on an English system', () => {
    expect(systemLocale('en-US')).toBe('en');
    expect(systemLocale('zh-CN')).toBe('zh-CN');
    expect(systemLocale('zh-TW')).toBe('zh-CN');
  });
});

describe('openWithRecovery', () => {
  /** Opens fail `failures` times, then succeed; the user answers with `answers`. */
  function run(choice: DatabaseChoice, failures: unknown[], answers: StartupAction[]) {
    const choices = memoryChoiceStore(choice);
    const opened: DatabaseChoice[] = [];
    const open = vi.fn(() => {
      opened.push(choices.load());
      const failure = failures.shift();
      return failure === undefined ? Promise.resolve('core') : Promise.reject(failure);
    });
    const ask = vi.fn((prompt: { actions: readonly StartupAction[] }) => {
      const answer = answers.shift();
      return Promise.resolve(answer === undefined ? -1 : prompt.actions.indexOf(answer));
    });
    return {
      choices,
      opened,
      ask,
      result: openWithRecovery({ choices, open, ask, locale: 'zh-CN' }),
    };
  }

  it('opens without asking when the server answers', async () => {
    const { result, ask } = run(SERVER, [], []);
    await expect(result).resolves.toBe('core');
    expect(ask).not.toHaveBeenCalled();
  });

  it('retry tries the same server again', async () => {
    const { result, ask, opened } = run(SERVER, [refused(), refused()], ['retry', 'retry']);
    await expect(result).resolves.toBe('core');
    expect(ask).toHaveBeenCalledTimes(2);
    expect(opened).toEqual([SERVER, SERVER, SERVER]);
  });

  it('"use this computer’s database" saves the embedded choice and opens it', async () => {
    const { result, choices, opened } = run(SERVER, [refused()], ['useEmbedded']);
    await expect(result).resolves.toBe('core');
    expect(opened).toEqual([SERVER, { engine: 'sqlite' }]);
    expect(choices.load()).toEqual({ engine: 'sqlite' });
  });

  it('quit (or closing the box) opens nothing and keeps the server choice', async () => {
    const quit = run(SERVER, [refused()], ['quit']);
    await expect(quit.result).resolves.toBeNull();
    expect(quit.choices.load()).toEqual(SERVER);
    const escape = run(SERVER, [refused()], []);
    await expect(escape.result).resolves.toBeNull();
  });

  it('a failing embedded database is thrown, not asked about', async () => {
    const locked = new Error('database is locked');
    const { result, ask } = run({ engine: 'sqlite' }, [locked], []);
    await expect(result).rejects.toBe(locked);
    expect(ask).not.toHaveBeenCalled();
  });

  it('the embedded file failing after falling back to it is thrown too', async () => {
    const broken = new Error('file is not a database');
    const { result } = run(SERVER, [refused(), broken], ['useEmbedded']);
    await expect(result).rejects.toBe(broken);
  });
});
