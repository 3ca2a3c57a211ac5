import type { z } from 'zod';
import { messageText, type Locale } from '../shared/messages';
import { AppError, type ApiError } from './result';

/** zod issues → one field error per path, as message keys (`{ 'parties.0.party.idNumber': key }`). */
export function validationError(error: z.ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    fields[path] ??= issue.message;
  }
  return new AppError('VALIDATION', 'error.invalidInput', fields);
}

/** A field error raised by a service after the schema passed (e.g. a studio that does not exist). */
export function fieldError(path: string, key: string): AppError {
  return new AppError('VALIDATION', 'error.invalidInput', { [path]: key });
}

/**
 * Refuses text holding U+0000 (NUL), at the first field found. PostgreSQL's text cannot store
 * it while SQLite's can: refused on both engines, the same input is saved or not whichever
 * database the center uses. No keyboard types it; it comes only with pasted binary junk.
 */
export function assertStorableText(value: unknown, path: readonly string[] = []): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000'))
      throw fieldError(path.join('.') || '_', 'validation.nulCharacter');
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => assertStorableText(item, [...path, String(i)]));
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) assertStorableText(item, [...path, key]);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Errors leave the core in the session's language, field by field. */
export function localizeError(error: AppError, locale: Locale): ApiError {
  const message = messageText(error.message, locale, error.params);
  if (error.fields === undefined) return { code: error.code, message };
  const fields: Record<string, string> = {};
  for (const [path, key] of Object.entries(error.fields)) fields[path] = messageText(key, locale);
  const detail = Object.entries(fields)
    .map(([path, text]) => `${path} — ${text}`)
    .join('; ');
  return { code: error.code, message: `${message}: ${detail}`, fields };
}
