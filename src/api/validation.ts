import type { z } from 'zod';
import { validationText, type Locale } from '../shared/messages';
import { AppError, type ApiError } from './result';

/** zod issues → one field error per path, as message keys (`{ 'parties.0.party.idNumber': key }`). */
export function validationError(error: z.ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    fields[path] ??= issue.message;
  }
  return new AppError('VALIDATION', 'Invalid input', fields);
}

/** A field error raised by a service after the schema passed (e.g. a studio that does not exist). */
export function fieldError(path: string, key: string): AppError {
  return new AppError('VALIDATION', 'Invalid input', { [path]: key });
}

/** Errors leave the core in the session's language, field by field. */
export function localizeError(error: AppError, locale: Locale): ApiError {
  if (error.fields === undefined) return { code: error.code, message: error.message };
  const fields: Record<string, string> = {};
  for (const [path, key] of Object.entries(error.fields))
    fields[path] = validationText(key, locale);
  const lead = locale === 'zh-CN' ? '输入有误' : 'Invalid input';
  const message =
    error.code === 'VALIDATION'
      ? `${lead}: ${Object.entries(fields)
          .map(([path, text]) => `${path} — ${text}`)
          .join('; ')}`
      : error.message;
  return { code: error.code, message, fields };
}
