import { defineMethod } from '../api/method';
import { z } from '../shared/zod-messages';
import { verifyAuditChain } from './audit-verify';
import { auditFacets, listAudit } from './audit.repository';
import { auditListSchema } from './audit.schema';

/** The start of a center date (China Standard Time has no daylight saving: always +08:00). */
function centerDayStart(date: string): string {
  return new Date(`${date}T00:00:00.000+08:00`).toISOString();
}

function centerDayEnd(date: string): string {
  return new Date(`${date}T23:59:59.999+08:00`).toISOString();
}

/** Settings → Audit log: who did what, and whether the hash chain still holds (DESIGN §8). */
export const auditMethods = {
  'audit/list': defineMethod({
    input: auditListSchema,
    access: ['admin'],
    write: false,
    summary: 'The audit log newest first, filtered by date, staff, method and entity; paged',
    handler: async (ctx, input) => {
      const rows = await listAudit(ctx.db, {
        fromAt: input.from === undefined ? undefined : centerDayStart(input.from),
        toAt: input.to === undefined ? undefined : centerDayEnd(input.to),
        staffId: input.staffId,
        method: input.method,
        entity: input.entity,
        entityId: input.entityId,
        beforeId: input.beforeId,
        limit: input.limit + 1,
      });
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      return {
        rows: page,
        nextBeforeId: rows.length > input.limit && last !== undefined ? last.id : null,
      };
    },
  }),

  'audit/facets': defineMethod({
    input: z.object({}),
    access: ['admin'],
    write: false,
    summary: 'The methods and entities that occur in the audit log (for its filters)',
    handler: (ctx) => auditFacets(ctx.db),
  }),

  'audit/verify': defineMethod({
    input: z.object({}),
    access: ['admin'],
    write: false,
    summary: 'Recompute the audit hash chain; names the first altered or missing row',
    handler: (ctx) => verifyAuditChain(ctx.db),
  }),
};
