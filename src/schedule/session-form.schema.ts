import { z } from '../shared/zod-messages';
import { SESSION_KINDS } from './session.schema';
import { centerInstant, dateSchema, wallTimeSchema } from './session-time.schema';

/**
 * The session form as people fill it in: a center date and wall times, not UTC instants. The
 * renderer validates with these schemas (react-hook-form) and turns the values into the API's
 * input with the functions below; the core validates that input again with its own schemas.
 */

const id = z.int32({ error: 'validation.choose' }).positive();
const ids = z.array(z.int32().positive());

interface WallRange {
  startTime: string;
  endTime: string;
}

function checkWallRange(v: WallRange, ctx: z.core.$RefinementCtx<WallRange>): void {
  if (v.endTime <= v.startTime) {
    ctx.addIssue({
      code: 'custom',
      path: ['endTime'],
      message: 'validation.session.endAfterStart',
    });
  }
}

const when = { date: dateSchema, startTime: wallTimeSchema, endTime: wallTimeSchema };

export const sessionFormSchema = z
  .object({
    caseId: id,
    kind: z.enum(SESSION_KINDS),
    roomId: id,
    staffIds: ids.min(1, { error: 'validation.session.staffNeeded' }).max(10),
    partyIds: ids.min(1, { error: 'validation.session.partyNeeded' }).max(30),
    ...when,
    notes: z.string().trim().max(2000),
    acceptWarnings: z.boolean(),
  })
  .superRefine(checkWallRange);
export type SessionFormValues = z.input<typeof sessionFormSchema>;

/** 改期 as a form: the new date and times, where, and why. */
export const postponeFormSchema = z
  .object({ ...when, roomId: id, reason: z.string().trim().min(1).max(1000) })
  .superRefine(checkWallRange);
export type PostponeFormValues = z.input<typeof postponeFormSchema>;

/** The API's `start`/`end` instants of a form's date and wall times. */
export function instantsOf(v: { date: string; startTime: string; endTime: string }) {
  return { start: centerInstant(v.date, v.startTime), end: centerInstant(v.date, v.endTime) };
}

/** Where the core's field errors go in the form: its `start`/`end` are the form's times. */
export function formFieldOf(apiPath: string): string {
  if (apiPath === 'start') return 'startTime';
  if (apiPath === 'end') return 'endTime';
  return apiPath;
}
