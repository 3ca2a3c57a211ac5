/** Errors cross every boundary as data, never as exceptions (DESIGN §3). */
export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'INVALID_TRANSITION'
  | 'STALE'
  /** The window's session is locked (idle or by hand): unlock or switch user first. */
  | 'LOCKED'
  /** Too many failed password attempts: wait before trying again. */
  | 'THROTTLED'
  /** Another workstation held the database too long: nothing was saved, try again. */
  | 'BUSY'
  /** The database server cannot be reached. */
  | 'UNAVAILABLE'
  | 'INTERNAL';

export interface ApiError {
  readonly code: ErrorCode;
  readonly message: string;
  /** Field path (dot-joined, e.g. `parties.0.idNumber`) → message key or text. */
  readonly fields?: Readonly<Record<string, string>>;
}

export type ApiResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

/** A placeholder value: the same in every language, or given per language (a state's name). */
export type MessageParam = string | number | Readonly<Record<'zh-CN' | 'en', string>>;

/**
 * Thrown inside handlers and services; the dispatcher turns it into `{ ok: false }`. The message
 * and field values are message keys (src/shared/messages.ts), put in the caller's language on
 * the way out.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Readonly<Record<string, string>>,
    readonly params: Readonly<Record<string, MessageParam>> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}
