import { z } from 'zod';
import type { ValidationKey } from './messages';

/**
 * Every issue zod raises without a message of our own becomes one of our keys, so the API and
 * the forms speak the same, translatable language. Imported by every schema module.
 */
function keyFor(issue: z.core.$ZodRawIssue): ValidationKey {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === ''
        ? 'validation.required'
        : issue.expected === 'number'
          ? 'validation.number'
          : 'validation.invalid';
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1
        ? 'validation.required'
        : 'validation.tooShort';
    case 'too_big':
      return 'validation.tooLong';
    case 'invalid_value':
    case 'invalid_union':
      return 'validation.choose';
    default:
      return 'validation.invalid';
  }
}

z.config({ customError: (issue) => keyFor(issue) });

// Integers in inputs are z.int32(): ids, versions and counts are `integer` columns on the
// center's server, where a larger number is an SQL error rather than "not found" as in SQLite's
// 64-bit integers. Bounded here, the same input gets the same answer from both engines.

export { z };
