import { partySchema } from '../parties/party.schema';
import { z } from '../shared/zod-messages';

/** 纠纷类别 */
export const CATEGORIES = [
  'marriage_family',
  'neighbourhood',
  'housing_homestead',
  'contract',
  'business',
  'damages',
  'forest_land',
  'land_expropriation',
  'pollution',
  'labour',
  'consumer',
  'medical',
  'traffic_accident',
  'property_management',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** 来源渠道 */
export const SOURCES = [
  'walk_in',
  'hotline_12345',
  'police_110',
  'grid_member',
  'court_pre_filing',
  'court_post_filing',
  'letters_visits',
  'own_initiative',
  'government_designation',
] as const;
export type Source = (typeof SOURCES)[number];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const PARTY_ROLES = ['applicant', 'respondent', 'third_party', 'agent'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const CASE_STATUSES = [
  'registered',
  'accepted',
  'declined',
  'referred',
  'in_mediation',
  'concluded',
  'archived',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Above this the amount in fen is no longer an exact integer in JavaScript or SQLite. */
export const MAX_AMOUNT_YUAN = 100_000_000_000;

/** Yuan with at most two decimals; stored as integer fen. */
const amount = z
  .union([z.number(), z.string().trim()])
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return undefined;
    const n = typeof v === 'number' ? v : Number(v);
    if (
      !Number.isFinite(n) ||
      n < 0 ||
      n > MAX_AMOUNT_YUAN ||
      Math.round(n * 100) !== Number((n * 100).toFixed(6))
    ) {
      ctx.addIssue({ code: 'custom', message: 'validation.amount' });
      return z.NEVER;
    }
    return Math.round(n * 100);
  });

/** 代理权限: general authority, or special authority (to settle, admit or waive claims). */
export const AGENT_AUTHORITIES = ['general', 'special'] as const;
export type AgentAuthority = (typeof AGENT_AUTHORITIES)[number];

export const casePartySchema = z.object({
  role: z.enum(PARTY_ROLES),
  /** Reuse a stored party (found at intake) instead of creating a new record. */
  partyId: z.int32().positive().optional(),
  party: partySchema,
  /** An agent (代理人) acts for the party at this position in the list, with a power of attorney. */
  represents: z.int32().min(0).optional(),
  authority: z.enum(AGENT_AUTHORITIES).optional(),
});

/** 登记 register: everything reception enters for a new dispute. */
export const intakeSchema = z
  .object({
    studioId: z.int32({ error: 'validation.choose' }).positive(),
    category: z.enum(CATEGORIES),
    source: z.enum(SOURCES),
    riskLevel: z.enum(RISK_LEVELS).default('low'),
    summary: z.string().trim().min(1).max(5000),
    requests: z.string().trim().max(5000).default(''),
    amountFen: amount,
    parties: z.array(casePartySchema).min(2, { error: 'validation.parties.min' }).max(50),
  })
  .superRefine((c, ctx) => {
    const roles = new Set(c.parties.map((p) => p.role));
    if (c.parties.length >= 2 && !roles.has('applicant')) {
      ctx.addIssue({ code: 'custom', path: ['parties'], message: 'validation.parties.applicant' });
    }
    if (c.parties.length >= 2 && !roles.has('respondent')) {
      ctx.addIssue({ code: 'custom', path: ['parties'], message: 'validation.parties.respondent' });
    }
    c.parties.forEach((p, i) => {
      if (p.role !== 'agent') return;
      const principal = p.represents === undefined ? undefined : c.parties[p.represents];
      if (principal === undefined || p.represents === i || principal.role === 'agent') {
        ctx.addIssue({
          code: 'custom',
          path: ['parties', i, 'represents'],
          message: 'validation.agent.principal',
        });
      }
      if (p.authority === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['parties', i, 'authority'],
          message: 'validation.choose',
        });
      }
    });
    const seenNumbers = new Set<string>();
    const seenParties = new Set<number>();
    c.parties.forEach((p, i) => {
      if (p.partyId !== undefined) {
        if (seenParties.has(p.partyId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['parties', i, 'partyId'],
            message: 'validation.party.duplicate',
          });
        }
        seenParties.add(p.partyId);
      }
      const person = p.party.kind === 'person';
      const id = p.party.kind === 'person' ? p.party.idNumber : p.party.creditCode;
      if (id === undefined) return;
      if (seenNumbers.has(id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['parties', i, 'party', person ? 'idNumber' : 'creditCode'],
          message: person ? 'validation.idNumber.duplicate' : 'validation.creditCode.duplicate',
        });
      }
      seenNumbers.add(id);
    });
  });
export type IntakeInput = z.input<typeof intakeSchema>;
export type Intake = z.output<typeof intakeSchema>;

export const caseIdSchema = z.object({ id: z.int32().positive() });

export const queueSchema = z.object({
  studioId: z.int32().positive().optional(),
  status: z.enum(CASE_STATUSES).optional(),
  limit: z.int32().min(1).max(500).default(200),
});

/** 调解结果 outcome of a concluded case. */
export const OUTCOMES = [
  'written_agreement',
  'oral_agreement',
  'no_agreement',
  'withdrawn',
  'refused',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Where parties are pointed when mediation fails (告知其他途径). */
export const ADVISED_ROUTES = ['arbitration', 'administrative', 'litigation'] as const;

export const LINK_KINDS = ['judicial_confirmation', 'speedy_court'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const PERFORMANCE = ['fulfilled', 'partly_fulfilled', 'not_fulfilled', 'not_due'] as const;
export const SATISFACTION = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;

const reason = z.string().trim().min(1).max(1000);
const version = z.int32().positive();
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
      new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    {
      error: 'validation.date',
    },
  );

/** Every state change names the version it was based on (optimistic concurrency). */
const target = { id: z.int32().positive(), version };

export const acceptSchema = z.object({ ...target });
export const declineSchema = z.object({ ...target, reason });
export const referSchema = z.object({
  ...target,
  referredTo: z.string().trim().min(1).max(200),
  reason,
});
export const startMediationSchema = z.object({ ...target });
export const concludeSchema = z
  .object({
    ...target,
    outcome: z.enum(OUTCOMES),
    note: z.string().trim().max(5000).default(''),
    advisedRoute: z.enum(ADVISED_ROUTES).optional(),
    agreementEffectiveOn: isoDate.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'no_agreement' && v.advisedRoute === undefined) {
      ctx.addIssue({ code: 'custom', path: ['advisedRoute'], message: 'validation.required' });
    }
    if (v.outcome !== 'no_agreement' && v.advisedRoute !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['advisedRoute'],
        message: 'validation.onlyNoAgreement',
      });
    }
    if (v.outcome !== 'written_agreement' && v.agreementEffectiveOn !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['agreementEffectiveOn'],
        message: 'validation.onlyWrittenAgreement',
      });
    }
  });
export const archiveSchema = z.object({ ...target });
export const transferSchema = z.object({
  ...target,
  studioId: z.int32().positive(),
  reason,
});
export const assignMediatorsSchema = z.object({
  ...target,
  staffIds: z.array(z.int32().positive()).max(10),
});
export const pauseDeadlineSchema = z.object({ ...target, reason });
export const resumeDeadlineSchema = z.object({ ...target });
export const extendDeadlineSchema = z.object({
  ...target,
  days: z.int32().min(1).max(365),
  reason,
});
export const openLinkedSchema = z.object({
  ...target,
  kind: z.enum(LINK_KINDS),
  summary: z.string().trim().max(5000).optional(),
});
export const recordFollowUpSchema = z.object({
  followUpId: z.int32().positive(),
  version,
  performance: z.enum(PERFORMANCE),
  satisfaction: z.enum(SATISFACTION).optional(),
  escalation: z.boolean().default(false),
  escalationNote: z.string().trim().max(2000).default(''),
  note: z.string().trim().max(5000).default(''),
});
