import { defineMethod, type HandlerContext } from '../api/method';
import { centerYear, DEFAULT_NUMBER_TEMPLATE, formatCaseNumber } from '../cases/case-number';
import { isEmbedded } from '../db/database';
import { z } from '../shared/zod-messages';
import { idleLockMinutes } from '../staff/session-guard';
import { liveDatabaseFile } from '../backup/live-database.repository';
import {
  centerSettingsSchema,
  numberingSettingsSchema,
  securitySettingsSchema,
  workHoursSchema,
} from './settings.schema';
import { getSettings, setSetting } from './settings.repository';
import { SETTING_KEYS } from './setting-keys';
import { loadWorkHours } from './work-hours';

async function centerSettings(ctx: Pick<HandlerContext, 'db'>) {
  const stored = await getSettings(ctx.db, [
    SETTING_KEYS.centerName,
    SETTING_KEYS.centerNameEn,
    SETTING_KEYS.numberCode,
    SETTING_KEYS.numberingTemplate,
  ]);
  return {
    name: stored.get(SETTING_KEYS.centerName) ?? '',
    nameEn: stored.get(SETTING_KEYS.centerNameEn) ?? '',
    numberCode: stored.get(SETTING_KEYS.numberCode) ?? '',
    template: stored.get(SETTING_KEYS.numberingTemplate) ?? DEFAULT_NUMBER_TEMPLATE,
  };
}

/** What the first number of the year would look like in the first studio, for the form. */
function exampleNumber(template: string, center: string, now: Date): string {
  return formatCaseNumber(template, {
    year: centerYear(now),
    center,
    studio: '医',
    word: '调',
    seq: 1,
  });
}

/**
 * Where the data lives: the embedded file in use, or the center's server (with the file this
 * computer keeps for switching back; Settings → Database has the server's details).
 */
async function databaseInUse(
  ctx: Pick<HandlerContext, 'db' | 'database'>,
): Promise<{ kind: 'sqlite' | 'postgres'; file: string }> {
  if (isEmbedded(ctx.db)) return { kind: 'sqlite', file: await liveDatabaseFile(ctx.db) };
  return { kind: 'postgres', file: ctx.database?.embeddedFile ?? '' };
}

/** Settings → center, numbering, security, working hours, database (admin; all audited). */
export const settingsMethods = {
  'settings/get': defineMethod({
    input: z.object({}),
    access: ['admin'],
    write: false,
    summary: 'The center settings: names, numbering, idle lock, working hours, database',
    handler: async (ctx) => {
      const center = await centerSettings(ctx);
      return {
        center: { name: center.name, nameEn: center.nameEn, numberCode: center.numberCode },
        numbering: {
          template: center.template,
          example: exampleNumber(center.template, center.numberCode, ctx.now),
        },
        security: { idleLockMinutes: await idleLockMinutes(ctx.db) },
        workHours: await loadWorkHours(ctx.db),
        database: await databaseInUse(ctx),
      };
    },
  }),

  /** Working hours, for every screen that schedules (read by anyone signed in). */
  'settings/workHours': defineMethod({
    input: z.object({}),
    access: 'signedIn',
    write: false,
    summary: "The center's working hours and lunch break",
    handler: (ctx) => loadWorkHours(ctx.db),
  }),

  'settings/setCenter': defineMethod({
    input: centerSettingsSchema,
    access: ['admin'],
    write: true,
    summary: "The center's names (document headers) and its code in case numbers",
    handler: async (ctx, input) => {
      const current = await centerSettings(ctx);
      const before = { name: current.name, nameEn: current.nameEn, numberCode: current.numberCode };
      await setSetting(ctx.db, SETTING_KEYS.centerName, input.name);
      await setSetting(ctx.db, SETTING_KEYS.centerNameEn, input.nameEn);
      await setSetting(ctx.db, SETTING_KEYS.numberCode, input.numberCode);
      await ctx.audit({ entity: 'settings', entityId: 'center', before, after: input });
      return input;
    },
  }),

  'settings/setNumbering': defineMethod({
    input: numberingSettingsSchema,
    access: ['admin'],
    write: true,
    summary: 'The case-number template (numbers already given keep their form)',
    handler: async (ctx, input) => {
      const current = await centerSettings(ctx);
      await setSetting(ctx.db, SETTING_KEYS.numberingTemplate, input.template);
      await ctx.audit({
        entity: 'settings',
        entityId: 'numbering',
        before: { template: current.template },
        after: { template: input.template },
      });
      return {
        template: input.template,
        example: exampleNumber(input.template, current.numberCode, ctx.now),
      };
    },
  }),

  'settings/setSecurity': defineMethod({
    input: securitySettingsSchema,
    access: ['admin'],
    write: true,
    summary: 'Minutes of inactivity after which a window locks',
    handler: async (ctx, input) => {
      const before = { idleLockMinutes: await idleLockMinutes(ctx.db) };
      await setSetting(ctx.db, SETTING_KEYS.idleLockMinutes, String(input.idleLockMinutes));
      await ctx.audit({ entity: 'settings', entityId: 'security', before, after: input });
      return input;
    },
  }),

  'settings/setWorkHours': defineMethod({
    input: workHoursSchema,
    access: ['admin'],
    write: true,
    summary: "The center's working hours and lunch break",
    handler: async (ctx, input) => {
      const before = await loadWorkHours(ctx.db);
      await setSetting(ctx.db, SETTING_KEYS.workHours, JSON.stringify(input));
      await ctx.audit({ entity: 'settings', entityId: 'workHours', before, after: input });
      return input;
    },
  }),
};
