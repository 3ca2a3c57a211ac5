import {
  creditCodeProblem,
  isChinesePhone,
  normalizePhone,
  residentIdProblem,
  residentIdSex,
} from '../shared/china-ids';
import { z } from '../shared/zod-messages';

export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];

/** Optional text: blank input means "not given". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v === '' ? undefined : v));

const phone = z
  .string()
  .trim()
  .transform(normalizePhone)
  .optional()
  .transform((v) => (v === '' ? undefined : v))
  .refine((v) => v === undefined || isChinesePhone(v), { error: 'validation.phone' });

const residentId = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .optional()
  .transform((v) => (v === '' ? undefined : v))
  .superRefine((v, ctx) => {
    if (v === undefined) return;
    const problem = residentIdProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: `validation.idNumber.${problem}` });
  });

const creditCode = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .optional()
  .transform((v) => (v === '' ? undefined : v))
  .superRefine((v, ctx) => {
    if (v === undefined) return;
    const problem = creditCodeProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: `validation.creditCode.${problem}` });
  });

/** 自然人 natural person */
export const personSchema = z
  .object({
    kind: z.literal('person'),
    name: z.string().trim().min(1).max(50),
    sex: z.enum(SEXES),
    idNumber: residentId,
    phone,
    address: optionalText(200),
    ethnicity: optionalText(20),
    occupation: optionalText(100),
  })
  .superRefine((p, ctx) => {
    if (p.idNumber && residentIdSex(p.idNumber) !== p.sex) {
      ctx.addIssue({ code: 'custom', path: ['sex'], message: 'validation.idNumber.sexMismatch' });
    }
  });

/** 法人或其他组织 organization */
export const organizationSchema = z.object({
  kind: z.literal('organization'),
  name: z.string().trim().min(1).max(100),
  creditCode,
  legalRepresentative: optionalText(50),
  phone,
  address: optionalText(200),
});

export const partySchema = z.discriminatedUnion('kind', [personSchema, organizationSchema]);
export type PartyInput = z.input<typeof partySchema>;
export type Party = z.output<typeof partySchema>;

export const partySearchSchema = z.object({ q: z.string().trim().min(1).max(50) });
