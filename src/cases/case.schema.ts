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

export const PARTY_ROLES = ['applicant', 'respondent', 'third_party'] as const;
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

export const casePartySchema = z.object({
  role: z.enum(PARTY_ROLES),
  /** Reuse a stored party (found at intake) instead of creating a new record. */
  partyId: z.number().int().positive().optional(),
  party: partySchema,
});

/** 登记 register: everything reception enters for a new dispute. */
export const intakeSchema = z
  .object({
    studioId: z.number({ error: 'validation.choose' }).int().positive(),
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

export const caseIdSchema = z.object({ id: z.number().int().positive() });

export const queueSchema = z.object({
  studioId: z.number().int().positive().optional(),
  status: z.enum(CASE_STATUSES).optional(),
  limit: z.number().int().min(1).max(500).default(200),
});
