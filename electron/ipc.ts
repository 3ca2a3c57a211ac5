import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { ApiResult } from '../src/api/result';
import type { Core } from '../src/app/core';
import { type AppEntry, isAppUrl } from './app-entry';
import { API_CHANNEL } from './channel';

export interface ApiChannelOptions {
  readonly core: Pick<Core, 'dispatch'>;
  /** The app's window, or null while it is closed. Only its main frame may call the API. */
  readonly mainWindow: () => BrowserWindow | null;
  readonly entry: AppEntry;
}

/** The core keeps one login session per window: a reload keeps it, a new window starts afresh. */
export function sessionKeyFor(contents: WebContents): string {
  return `window:${contents.id}`;
}

/** Registers the single `invoke` channel; returns the function that removes it. */
export function registerApiChannel(options: ApiChannelOptions): () => void {
  ipcMain.handle(API_CHANNEL, (event, method: unknown, input: unknown) =>
    handleApiCall(options, event, method, input),
  );
  return () => ipcMain.removeHandler(API_CHANNEL);
}

export async function handleApiCall(
  options: ApiChannelOptions,
  event: IpcMainInvokeEvent,
  method: unknown,
  input: unknown,
): Promise<ApiResult<unknown>> {
  if (!isTrustedSender(event, options.mainWindow(), options.entry)) {
    // Dropped before the core sees it: a foreign page must not learn what the API would answer.
    return failure('FORBIDDEN', 'This page may not call the Mediation Desk API.');
  }
  if (typeof method !== 'string' || method.length === 0 || method.length > 200) {
    return failure('VALIDATION', 'The API method must be a non-empty string.', {
      method: 'invalid',
    });
  }
  try {
    return await options.core.dispatch(sessionKeyFor(event.sender), method, input);
  } catch (error) {
    // The core promises never to throw; if it does anyway, the renderer still gets data.
    console.error('[mediation-desk] core.dispatch threw', error);
    return failure('INTERNAL', 'Internal error.');
  }
}

/**
 * The sender must be the app's window, and the calling frame its top frame showing the app's
 * own page: not an iframe, not a page it was somehow navigated to, not another window.
 */
export function isTrustedSender(
  event: IpcMainInvokeEvent,
  window: BrowserWindow | null,
  entry: AppEntry,
): boolean {
  if (!window || window.isDestroyed() || event.sender !== window.webContents) return false;
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame || frame.parent !== null) return false;
  return isAppUrl(frame.url, entry);
}

function failure(
  code: 'FORBIDDEN' | 'VALIDATION' | 'INTERNAL',
  message: string,
  fields?: Record<string, string>,
): ApiResult<never> {
  return { ok: false, error: fields ? { code, message, fields } : { code, message } };
}
