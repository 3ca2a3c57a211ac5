import { defineMethod, type HandlerContext } from '../api/method';
import { AppError } from '../api/result';
import { fieldError } from '../api/validation';
import { refreshOpenDeadlines } from '../cases/case-deadline.service';
import { z } from '../shared/zod-messages';
import {
  createRoomSchema,
  createStudioSchema,
  studioDeadlineSchema,
  updateRoomSchema,
  updateStudioSchema,
} from './settings.schema';
import {
  findRoomRow,
  findStudioRow,
  insertRoom,
  insertStudio,
  listStudiosForAdmin,
  numberCodeUsedElsewhere,
  studioCodeExists,
  updateRoom,
  updateStudio,
  type StudioRow,
} from './studio-admin.repository';

async function existingStudio(ctx: Pick<HandlerContext, 'db'>, id: number): Promise<StudioRow> {
  const studio = await findStudioRow(ctx.db, id);
  if (studio === null) throw new AppError('NOT_FOUND', 'error.studioNotFound', undefined, { id });
  return studio;
}

async function staleStudio(ctx: Pick<HandlerContext, 'db'>, id: number): Promise<AppError> {
  const version = (await findStudioRow(ctx.db, id))?.version ?? 0;
  return new AppError('STALE', 'error.staleStudio', undefined, { version });
}

function changeOf(studio: StudioRow) {
  return {
    nameZh: studio.nameZh,
    nameEn: studio.nameEn,
    committeeName: studio.committeeName,
    numberCode: studio.numberCode,
    numberWord: studio.numberWord,
    deadlineAmount: studio.deadlineAmount,
    deadlineUnit: studio.deadlineUnit,
    active: studio.active,
  };
}

/**
 * Saves a studio's fields with its version. A changed deadline rule moves the due dates of the
 * studio's open cases (deadlines follow the studio's rule, src/cases/case-deadline.service.ts),
 * so they are recomputed in the same transaction.
 */
async function saveStudio(ctx: HandlerContext, input: z.output<typeof updateStudioSchema>) {
  const before = await existingStudio(ctx, input.id);
  if (await numberCodeUsedElsewhere(ctx.db, input.numberCode, input.numberWord, input.id)) {
    throw fieldError('numberCode', 'validation.studio.numberCodeTaken');
  }
  const { id, version, ...change } = input;
  if (!(await updateStudio(ctx.db, id, version, change))) throw await staleStudio(ctx, id);
  const ruleChanged =
    before.deadlineAmount !== change.deadlineAmount || before.deadlineUnit !== change.deadlineUnit;
  if (ruleChanged) await refreshOpenDeadlines(ctx.db, ctx.now);
  await ctx.audit({ entity: 'studio', entityId: id, before: changeOf(before), after: change });
  return { id, version: version + 1, ...change };
}

/** Settings → Studios and rooms, Headers, Deadlines (admin only, audited). */
export const studioAdminMethods = {
  'studios/listAll': defineMethod({
    input: z.object({}),
    access: ['admin'],
    write: false,
    summary: 'Every studio with its version and every room, inactive ones included',
    handler: (ctx) => listStudiosForAdmin(ctx.db),
  }),

  'studios/update': defineMethod({
    input: updateStudioSchema,
    access: ['admin'],
    write: true,
    summary: "Change a studio's names, committee, number codes, deadline rule or active state",
    handler: (ctx, input: z.output<typeof updateStudioSchema>) => saveStudio(ctx, input),
  }),

  'studios/setDeadline': defineMethod({
    input: studioDeadlineSchema,
    access: ['admin'],
    write: true,
    summary: "Change a studio's deadline rule (open cases' due dates follow)",
    handler: async (ctx, input) => {
      const studio = await existingStudio(ctx, input.id);
      return saveStudio(ctx, { ...changeOf(studio), ...input });
    },
  }),

  'studios/create': defineMethod({
    input: createStudioSchema,
    access: ['admin'],
    write: true,
    summary: 'Add a studio (its kind decides which lifecycle its cases follow)',
    handler: async (ctx, input) => {
      if (await studioCodeExists(ctx.db, input.code)) {
        throw fieldError('code', 'validation.studio.codeTaken');
      }
      if (await numberCodeUsedElsewhere(ctx.db, input.numberCode, input.numberWord, null)) {
        throw fieldError('numberCode', 'validation.studio.numberCodeTaken');
      }
      const id = await insertStudio(ctx.db, input);
      await ctx.audit({ entity: 'studio', entityId: id, after: input });
      return { id, version: 1, ...input, active: true };
    },
  }),

  'rooms/create': defineMethod({
    input: createRoomSchema,
    access: ['admin'],
    write: true,
    summary: 'Add a room to a studio',
    handler: async (ctx, input) => {
      if ((await findStudioRow(ctx.db, input.studioId)) === null) {
        throw fieldError('studioId', 'validation.studio.unknown');
      }
      const id = await insertRoom(ctx.db, input);
      await ctx.audit({ entity: 'room', entityId: id, after: input });
      return { id, ...input, active: true };
    },
  }),

  'rooms/update': defineMethod({
    input: updateRoomSchema,
    access: ['admin'],
    write: true,
    summary: "Change a room's names, capacity, studio or active state",
    handler: async (ctx, input) => {
      const before = await findRoomRow(ctx.db, input.id);
      if (before === null) {
        throw new AppError('NOT_FOUND', 'error.roomNotFound', undefined, { id: input.id });
      }
      if ((await findStudioRow(ctx.db, input.studioId)) === null) {
        throw fieldError('studioId', 'validation.studio.unknown');
      }
      const { id, ...room } = input;
      await updateRoom(ctx.db, id, room);
      await ctx.audit({ entity: 'room', entityId: id, before, after: input });
      return input;
    },
  }),
};
