import type { DatabaseChoice, DatabaseChoiceStore } from '../src/app/database-choice';
import type { Locale } from '../src/shared/messages';
import { describeOpenFailure } from './startup-messages';

/**
 * What the app does when its database will not open at start. The embedded file failing is
 * fatal (it is this computer's record, there is nothing to fall back on). The center's server
 * failing is often passing (the network, the server restarting), so the user chooses: try again,
 * work on this computer's own database for now, or quit.
 */
export type StartupAction = 'retry' | 'useEmbedded' | 'quit';

export interface StartupPrompt {
  readonly type: 'warning';
  readonly title: string;
  readonly message: string;
  readonly detail: string;
  readonly buttons: readonly string[];
  /** The action of each button, in order. */
  readonly actions: readonly StartupAction[];
  readonly defaultId: number;
  /** Escape or closing the box: quit, the one answer that changes nothing. */
  readonly cancelId: number;
}

const TEXT = {
  'zh-CN': {
    title: '调解台',
    message: '无法连接中心数据库服务器',
    server: '服务器：{server}',
    local:
      '也可以暂时改用本机数据库（本机数据库文件是这台电脑自己的记录）：在服务器上登记的案件和其他记录不在本机数据库中。之后可在“设置 → 数据库”中重新切换到服务器。',
    retry: '重试',
    useEmbedded: '改用本机数据库',
    quit: '退出',
  },
  en: {
    title: 'Mediation Desk',
    message: 'Cannot connect to the center database server',
    server: 'Server: {server}',
    local:
      "You can work on this computer's database for now (its file is this computer's own record): cases and other records entered on the server are not in it. Switch back to the server later in Settings → Database.",
    retry: 'Try again',
    useEmbedded: "Use this computer's database",
    quit: 'Quit',
  },
} as const;

/** The question to ask, or null when the failure is fatal (the embedded database). */
export function startupPrompt(
  choice: DatabaseChoice,
  error: unknown,
  locale: Locale,
): StartupPrompt | null {
  if (choice.engine !== 'postgres') return null;
  const text = TEXT[locale];
  const { host, port, database, user } = choice.connection;
  const failure = describeOpenFailure(error, choice.connection, locale);
  const actions: StartupAction[] = failure.retryHelps
    ? ['retry', 'useEmbedded', 'quit']
    : ['useEmbedded', 'quit'];
  return {
    type: 'warning',
    title: text.title,
    message: text.message,
    detail: [
      failure.message,
      text.server.replace('{server}', `${user}@${host}:${port}/${database}`),
      '',
      text.local,
    ].join('\n'),
    buttons: actions.map((action) => text[action]),
    actions,
    defaultId: 0,
    cancelId: actions.indexOf('quit'),
  };
}

export interface RecoveryDeps<T> {
  readonly choices: DatabaseChoiceStore;
  /** Opens the core on the stored choice; throws when the database will not open. */
  readonly open: () => Promise<T>;
  /** Shows the prompt; answers the index of the button pressed. */
  readonly ask: (prompt: StartupPrompt) => Promise<number>;
  readonly locale: Locale;
}

/**
 * Opens the core, asking what to do as long as the server will not open. Null: the user chose
 * to quit. A failure of the embedded database is thrown to the caller.
 */
export async function openWithRecovery<T>(deps: RecoveryDeps<T>): Promise<T | null> {
  for (;;) {
    try {
      return await deps.open();
    } catch (error) {
      const prompt = startupPrompt(deps.choices.load(), error, deps.locale);
      if (prompt === null) throw error;
      const action = prompt.actions[await deps.ask(prompt)] ?? 'quit';
      if (action === 'quit') return null;
      // The embedded choice is saved, so the next start opens this computer's file too.
      if (action === 'useEmbedded') deps.choices.save({ engine: 'sqlite' });
    }
  }
}

/** The dialog's language: the system's, Chinese first. */
export function systemLocale(appLocale: string): Locale {
  return appLocale.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}
