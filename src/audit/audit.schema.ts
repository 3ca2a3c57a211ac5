import { isoDateSchema } from '../calendar/calendar.schema';
import { z } from '../shared/zod-messages';

/** Filters of the audit log screen; browser-safe, so the form checks what the core checks. */
const filterFields = z.object({
  /** Center dates (Asia/Shanghai), both inclusive. */
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  staffId: z.int32().positive().optional(),
  method: z.string().trim().min(1).max(100).optional(),
  entity: z.string().trim().min(1).max(100).optional(),
  entityId: z.string().trim().min(1).max(100).optional(),
});

function datesInOrder(v: { from?: string; to?: string }): boolean {
  return v.from === undefined || v.to === undefined || v.from <= v.to;
}
const dateOrder = { path: ['to'], message: 'validation.dateRange' };

export const auditFilterSchema = filterFields.refine(datesInOrder, dateOrder);
export type AuditFilterInput = z.input<typeof auditFilterSchema>;

export const auditListSchema = filterFields
  .extend({
    /** Keyset cursor from the previous page (`nextBeforeId`). */
    beforeId: z.int32().positive().optional(),
    limit: z.int32().min(1).max(200).default(50),
  })
  .refine(datesInOrder, dateOrder);
export type AuditListInput = z.input<typeof auditListSchema>;
