import { isoDateSchema } from '../calendar/calendar.schema';
import { z } from '../shared/zod-messages';

/** Filters of the audit log screen; browser-safe, so the form checks what the core checks. */
export const auditListSchema = z
  .object({
    /** Center dates (Asia/Shanghai), both inclusive. */
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    staffId: z.number().int().positive().optional(),
    method: z.string().trim().min(1).max(100).optional(),
    entity: z.string().trim().min(1).max(100).optional(),
    entityId: z.string().trim().min(1).max(100).optional(),
    /** Keyset cursor from the previous page (`nextBeforeId`). */
    beforeId: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .refine((v) => v.from === undefined || v.to === undefined || v.from <= v.to, {
    path: ['to'],
    message: 'validation.dateRange',
  });
export type AuditListInput = z.input<typeof auditListSchema>;
