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
