import { z } from '../shared/zod-messages';
import {
  dateSchema,
  instantSchema,
  MAX_SESSION_MS,
  MINUTE_MS,
  wallTimeSchema,
} from './session-time.schema';

/** 日程类型 (DESIGN §4 "Session"). */
export const SESSION_KINDS = [
  'mediation',
  'hearing',
  'confirmation_review',
  'counseling',
  'leader_reception',
  'follow_up_visit',
] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const SESSION_STATUSES = ['scheduled', 'held', 'cancelled', 'no_show', 'postponed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** Statuses that hold their room, staff and parties: overlapping one of these is a conflict. */
export const ACTIVE_STATUSES: readonly SessionStatus[] = ['scheduled', 'held'];

export const CONFLICT_RESOURCES = ['room', 'staff', 'party'] as const;
export type ConflictResource = (typeof CONFLICT_RESOURCES)[number];

/** Something the user may accept: outside working hours, a rest day, a holiday, the past. */
export type SessionWarning =
  | { readonly code: 'outsideHours' }
  | { readonly code: 'weekend'; readonly date: string }
  | { readonly code: 'holiday'; readonly date: string; readonly name: string }
  | { readonly code: 'past' };

const id = z.int32().positive();
const version = z.int32().positive();
const ids = (max: number) => z.array(id).max(max);
const notes = z.string().trim().max(2000).default('');
const acceptWarnings = z.boolean().default(false);

interface Timed {
  start: string;
  end: string;
}

/** end after start, shorter than a day; ids listed once. Issues land on the field to fix. */
function checkTimes(v: Timed, ctx: z.core.$RefinementCtx<Timed>): void {
  const ms = Date.parse(v.end) - Date.parse(v.start);
  if (ms <= 0) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: 'validation.session.endAfterStart' });
  } else if (ms >= MAX_SESSION_MS) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: 'validation.session.tooLong' });
  }
}

function checkUnique(
  values: readonly number[] | undefined,
  path: string,
  ctx: z.core.$RefinementCtx<unknown>,
): void {
  if (values !== undefined && new Set(values).size !== values.length) {
    ctx.addIssue({ code: 'custom', path: [path], message: 'validation.session.duplicate' });
  }
}

const participants = {
  roomId: id,
  staffIds: ids(10).min(1, { error: 'validation.session.staffNeeded' }),
  partyIds: ids(30),
};

/** 新建日程: a session of a case, in a room of the case's studio. */
export const createSessionSchema = z
  .object({
    caseId: id,
    kind: z.enum(SESSION_KINDS),
    ...participants,
    partyIds: participants.partyIds.min(1, { error: 'validation.session.partyNeeded' }),
    start: instantSchema,
    end: instantSchema,
    notes,
    acceptWarnings,
  })
  .superRefine((v, ctx) => {
    checkTimes(v, ctx);
    checkUnique(v.staffIds, 'staffIds', ctx);
    checkUnique(v.partyIds, 'partyIds', ctx);
  });

/** Edits everything a scheduled session has except its case. */
export const updateSessionSchema = z
  .object({
    id,
    version,
    kind: z.enum(SESSION_KINDS),
    ...participants,
    start: instantSchema,
    end: instantSchema,
    notes,
    acceptWarnings,
  })
  .superRefine((v, ctx) => {
    checkTimes(v, ctx);
    checkUnique(v.staffIds, 'staffIds', ctx);
    checkUnique(v.partyIds, 'partyIds', ctx);
  });

/** Drag to move or resize: new times, optionally another room of the same studio. */
export const moveSessionSchema = z
  .object({
    id,
    version,
    start: instantSchema,
    end: instantSchema,
    roomId: id.optional(),
    acceptWarnings,
  })
  .superRefine(checkTimes);

/** Live checking while the form is edited; nothing is written. */
export const checkConflictsSchema = z
  .object({
    /** The session being edited, which never conflicts with itself. */
    sessionId: id.optional(),
    roomId: id.optional(),
    staffIds: ids(10).default([]),
    partyIds: ids(30).default([]),
    start: instantSchema,
    end: instantSchema,
  })
  .superRefine(checkTimes);

/** 下一个空闲时段 */
export const nextFreeSlotsSchema = z.object({
  studioId: id,
  staffIds: ids(10).default([]),
  partyIds: ids(30).default([]),
  durationMinutes: z.int32().min(5).max(600),
  withinWorkingDays: z.int32().min(1).max(30).default(10),
  /** Search from here (never before now); default now. */
  from: instantSchema.optional(),
  /** Only this room; default any room of the studio. */
  roomId: id.optional(),
  /** A session being moved: its own bookings do not count. */
  excludeSessionId: id.optional(),
  limit: z.int32().min(1).max(10).default(5),
});

/** Calendar views: center dates from–to (inclusive), narrowed by studio, room or staff member. */
export const listSessionsSchema = z
  .object({
    from: dateSchema,
    to: dateSchema,
    studioId: id.optional(),
    roomId: id.optional(),
    staffId: id.optional(),
    statuses: z.array(z.enum(SESSION_STATUSES)).max(5).optional(),
  })
  .superRefine((v, ctx) => {
    const days = (Date.parse(v.to) - Date.parse(v.from)) / 86_400_000;
    if (days < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.dateRange' });
    else if (days > 62) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.session.rangeTooLong' });
    }
  });

export const sessionIdSchema = z.object({ id });
export const caseSessionsSchema = z.object({ caseId: id });

/** 已举行: the record and who attended. */
export const markHeldSchema = z
  .object({
    id,
    version,
    record: z.string().trim().min(1).max(10_000),
    attendedStaffIds: ids(10).default([]),
    attendedPartyIds: ids(30).default([]),
  })
  .superRefine((v, ctx) => {
    checkUnique(v.attendedStaffIds, 'attendedStaffIds', ctx);
    checkUnique(v.attendedPartyIds, 'attendedPartyIds', ctx);
  });

export const cancelSessionSchema = z.object({
  id,
  version,
  reason: z.string().trim().min(1).max(1000),
});

/** 缺席: which parties did not come. */
export const noShowSchema = z
  .object({
    id,
    version,
    absentPartyIds: ids(30).min(1, { error: 'validation.session.absentNeeded' }),
    note: z.string().trim().max(1000).default(''),
  })
  .superRefine((v, ctx) => checkUnique(v.absentPartyIds, 'absentPartyIds', ctx));

/** 改期: a new session at the new time takes over; the old one links to it. */
export const postponeSessionSchema = z
  .object({
    id,
    version,
    start: instantSchema,
    end: instantSchema,
    roomId: id.optional(),
    reason: z.string().trim().min(1).max(1000),
    acceptWarnings,
  })
  .superRefine(checkTimes);

/** 领导接访日: a leader's reception slots on one date, in a room of the petition studio. */
export const openReceptionSlotsSchema = z
  .object({
    roomId: id,
    leaderStaffId: id,
    date: dateSchema,
    firstStart: wallTimeSchema,
    slotMinutes: z.int32().min(10).max(240),
    count: z.int32().min(1).max(20),
    notes,
    acceptWarnings,
  })
  .superRefine((v, ctx) => {
    const [h = 0, m = 0] = v.firstStart.split(':').map(Number);
    if ((h * 60 + m + v.slotMinutes * v.count) * MINUTE_MS > MAX_SESSION_MS) {
      ctx.addIssue({ code: 'custom', path: ['count'], message: 'validation.session.pastMidnight' });
    }
  });

/** Reception books a petitioner's case into an open reception slot. */
export const bookReceptionSlotSchema = z
  .object({
    id,
    version,
    caseId: id,
    partyIds: ids(30).min(1, { error: 'validation.session.partyNeeded' }),
  })
  .superRefine((v, ctx) => checkUnique(v.partyIds, 'partyIds', ctx));

export type CreateSessionInput = z.input<typeof createSessionSchema>;
export type CheckConflictsInput = z.input<typeof checkConflictsSchema>;
