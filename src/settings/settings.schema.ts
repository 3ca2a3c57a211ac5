import { DEADLINE_UNITS } from '../cases/deadline';
import { z } from '../shared/zod-messages';
import { STUDIO_KINDS } from '../studios/studio.schema';

/**
 * Inputs of the settings screens (DESIGN §9 Settings). Browser-safe: the forms validate with the
 * rules the core enforces.
 */

export { DEADLINE_UNITS };

/** Placeholders a case-number template may use (src/cases/case-number.ts). */
export const NUMBER_PLACEHOLDERS = ['year', 'center', 'studio', 'word', 'seq'] as const;

/**
 * The sequence is per studio and year, so a template without {seq}, {year} and {studio} would
 * give two cases the same number.
 */
const REQUIRED_PLACEHOLDERS = [
  ['seq', 'validation.numbering.seq'],
  ['year', 'validation.numbering.year'],
  ['studio', 'validation.numbering.studio'],
] as const;

export const numberingTemplateSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .superRefine((template, ctx) => {
    for (const [name, key] of REQUIRED_PLACEHOLDERS) {
      if (!template.includes(`{${name}}`)) ctx.addIssue({ code: 'custom', message: key });
    }
    for (const [, name] of template.matchAll(/\{([^{}]*)\}/g)) {
      if (!(NUMBER_PLACEHOLDERS as readonly string[]).includes(name ?? '')) {
        ctx.addIssue({ code: 'custom', message: 'validation.numbering.unknown' });
        return;
      }
    }
    if (/[{}]/.test(template.replace(/\{[^{}]*\}/g, ''))) {
      ctx.addIssue({ code: 'custom', message: 'validation.numbering.unknown' });
    }
  });

/** 矛 in （2026）矛医调字第0001号: short, no braces, no spaces. */
const numberCode = z
  .string()
  .trim()
  .min(1)
  .max(4)
  .regex(/^[^\s{}]+$/, { error: 'validation.numbering.code' });

export const centerSettingsSchema = z.object({
  /** 中心名称 on every document header. */
  name: z.string().trim().min(1).max(60),
  nameEn: z.string().trim().min(1).max(120),
  numberCode,
});
export type CenterSettingsInput = z.input<typeof centerSettingsSchema>;

export const numberingSettingsSchema = z.object({ template: numberingTemplateSchema });

export const MIN_IDLE_MINUTES = 1;
export const MAX_IDLE_MINUTES = 240;

export const securitySettingsSchema = z.object({
  idleLockMinutes: z.int32().min(MIN_IDLE_MINUTES).max(MAX_IDLE_MINUTES),
});

/** An absolute path on Windows (C:\…, \\server\share) or POSIX (/…). */
export function isAbsolutePath(value: string): boolean {
  return /^(?:[A-Za-z]:[\\/]|\\\\[^\\]|\/)/.test(value);
}

export const absolutePathSchema = z
  .string()
  .trim()
  .min(1)
  .max(1000)
  .refine(isAbsolutePath, { error: 'validation.folder.absolute' });

export const backupSettingsSchema = z.object({
  /** Empty: the default folder beside the database file. */
  folder: z.union([z.literal(''), absolutePathSchema]),
  keepDaily: z.int32().min(1).max(365),
  keepMonthly: z.int32().min(0).max(120),
});
export type BackupSettingsInput = z.input<typeof backupSettingsSchema>;

const HH_MM = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const time = z.string().trim().regex(HH_MM, { error: 'validation.time' });

/** Working hours of the center (sessions outside them are a warning in the schedule). */
export const workHoursSchema = z
  .object({
    start: time,
    end: time,
    /** Lunch break (午休), both or neither. */
    breakStart: time.nullable(),
    breakEnd: time.nullable(),
  })
  .superRefine((v, ctx) => {
    if (HH_MM.test(v.start) && HH_MM.test(v.end) && v.end <= v.start) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'validation.workHours.order' });
    }
    if ((v.breakStart === null) !== (v.breakEnd === null)) {
      const path = v.breakStart === null ? 'breakStart' : 'breakEnd';
      ctx.addIssue({ code: 'custom', path: [path], message: 'validation.required' });
      return;
    }
    if (v.breakStart !== null && v.breakEnd !== null) {
      const inside = v.start < v.breakStart && v.breakStart < v.breakEnd && v.breakEnd < v.end;
      if (!inside) {
        ctx.addIssue({ code: 'custom', path: ['breakEnd'], message: 'validation.workHours.break' });
      }
    }
  });
export type WorkHours = z.output<typeof workHoursSchema>;

export const DEFAULT_WORK_HOURS: WorkHours = {
  start: '08:30',
  end: '17:30',
  breakStart: '12:00',
  breakEnd: '14:00',
};

const version = z.int32().positive();
const studioId = z.int32().positive();

/** What the admin may change of a studio; its kind is fixed (the lifecycle depends on it). */
const studioFields = {
  nameZh: z.string().trim().min(1).max(40),
  nameEn: z.string().trim().min(1).max(80),
  /** 文书抬头: the committee named on its documents. */
  committeeName: z.string().trim().min(1).max(60),
  numberCode,
  /** 调 in 调字, 调确 in 调确字. */
  numberWord: numberCode,
  deadlineAmount: z.int32().min(1).max(365),
  deadlineUnit: z.enum(DEADLINE_UNITS),
};

export const updateStudioSchema = z.object({
  id: studioId,
  version,
  ...studioFields,
  active: z.boolean(),
});
export type UpdateStudioInput = z.input<typeof updateStudioSchema>;

export const createStudioSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,29}$/, { error: 'validation.studio.code' }),
  kind: z.enum(STUDIO_KINDS),
  ...studioFields,
});
export type CreateStudioInput = z.input<typeof createStudioSchema>;

/** A studio's deadline rule alone (Settings → Deadlines). */
export const studioDeadlineSchema = z.object({
  id: studioId,
  version,
  deadlineAmount: studioFields.deadlineAmount,
  deadlineUnit: studioFields.deadlineUnit,
});
export type StudioDeadlineInput = z.input<typeof studioDeadlineSchema>;

const roomFields = {
  nameZh: z.string().trim().min(1).max(40),
  nameEn: z.string().trim().min(1).max(80),
  capacity: z.int32().min(1).max(500),
};

export const createRoomSchema = z.object({ studioId, ...roomFields });
export type CreateRoomInput = z.input<typeof createRoomSchema>;

export const updateRoomSchema = z.object({
  id: z.int32().positive(),
  studioId,
  ...roomFields,
  active: z.boolean(),
});
export type UpdateRoomInput = z.input<typeof updateRoomSchema>;

/** Backups: a file chosen to check or restore. */
export const backupFileSchema = z.object({ file: absolutePathSchema });

/** Who may see a party's full resident ID or phone (those who work cases; not the admin). */
export const REVEAL_ROLES = ['reception', 'mediator', 'clerk', 'director'] as const;

/** 查看完整号码: which number of which party on which case. */
export const REVEALABLE_FIELDS = ['idNumber', 'phone'] as const;
export const revealSchema = z.object({
  caseId: z.int32().positive(),
  partyId: z.int32().positive(),
  field: z.enum(REVEALABLE_FIELDS),
});
