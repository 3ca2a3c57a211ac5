import { z } from '../shared/zod-messages';

/**
 * Inputs of the documents feature, shared by the core (the dispatcher validates every call)
 * and the renderer's forms (react-hook-form through the zod resolver).
 */

/** Every document the center prints (DESIGN §5). */
export const DOCUMENT_KINDS = [
  'acceptance_receipt', // 受理登记表
  'session_notice', // 调解通知书
  'mediation_record', // 人民调解记录
  'agreement', // 人民调解协议书
  'oral_agreement', // 口头协议登记表
  'confirmation_application', // 司法确认申请书
  'termination_notice', // 终止调解通知书
  'follow_up_record', // 回访记录
  'dossier', // 卷宗封面、卷内目录
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Signed, sealed (organisations, the committee) or fingerprinted: 签名、盖章、按指印. */
export const SIGN_METHODS = ['signed', 'sealed', 'fingerprinted'] as const;
export type SignMethod = (typeof SIGN_METHODS)[number];

const id = z.int32().positive();
const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })
  // zod runs every check even after the pattern failed: guard the Date before formatting it.
  .refine(
    (v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
    },
    {
      error: 'validation.date',
    },
  );

/** A local date and time at the center (Asia/Shanghai), minutes precision: 2026-03-12T09:30. */
export const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: 'validation.dateTime' })
  .refine((v) => !Number.isNaN(Date.parse(`${v}:00Z`)) && Number(v.slice(11, 13)) < 24, {
    error: 'validation.dateTime',
  });

/** The agreement's parties come from the case; an agent (委托代理人) may be named for each. */
export const agreementPartySchema = z.object({
  partyId: id,
  agent: text(100).default(''),
});

/**
 * 人民调解协议书 (People's Mediation Law art. 29): the parties; main facts, issues and each
 * party's responsibility; the agreed terms; manner, place and deadline of performance; copies.
 */
export const agreementContentSchema = z
  .object({
    parties: z.array(agreementPartySchema).min(2, { error: 'validation.parties.min' }).max(50),
    facts: required(20_000),
    issues: text(20_000).default(''),
    responsibilities: text(20_000).default(''),
    terms: z.array(required(5_000)).min(1, { error: 'validation.agreement.terms' }).max(100),
    performanceManner: text(2_000).default(''),
    performancePlace: text(500).default(''),
    performanceDeadline: isoDate.optional(),
    /** One for each party and one kept by the committee, unless more are asked for. */
    copies: z.int32().min(2).max(30),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<number>();
    c.parties.forEach((p, i) => {
      if (seen.has(p.partyId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['parties', i, 'partyId'],
          message: 'validation.party.duplicate',
        });
      }
      seen.add(p.partyId);
    });
    if (c.copies < c.parties.length + 1) {
      ctx.addIssue({ code: 'custom', path: ['copies'], message: 'validation.agreement.copies' });
    }
  });
export type AgreementContentInput = z.input<typeof agreementContentSchema>;
export type AgreementContent = z.output<typeof agreementContentSchema>;

/**
 * Saves the editor's text: without `versionId` as a new version; with it, over that version
 * while it is a draft (a printed version never changes), at the revision the editor loaded.
 */
export const saveAgreementSchema = z.object({
  caseId: id,
  versionId: id.optional(),
  revision: z.int32().positive().optional(),
  content: agreementContentSchema,
});

export const agreementPreviewSchema = z.object({ caseId: id, content: agreementContentSchema });

export const agreementVersionSchema = z.object({ versionId: id });
export const caseIdInput = z.object({ caseId: id });

export const signerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('party'), partyId: id, method: z.enum(SIGN_METHODS) }),
  z.object({ kind: z.literal('mediator') }),
  z.object({ kind: z.literal('committee') }),
]);
export type Signer = z.output<typeof signerSchema>;

/** Records one signature (or seal, or fingerprint) on the printed version, on the day it was made. */
export const signAgreementSchema = z.object({
  versionId: id,
  signer: signerSchema,
  signedOn: isoDate,
});

/** Scans above this are refused: a signed agreement of a few pages scans far below it. */
export const MAX_SCAN_BYTES = 5 * 1024 * 1024;
export const SCAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

export const attachScanSchema = z.object({
  versionId: id,
  fileName: required(200),
  /** The file, base64: JSON carries it over IPC and HTTP alike. */
  dataBase64: z
    .string()
    .min(1)
    .max(Math.ceil(MAX_SCAN_BYTES / 3) * 4 + 4, { error: 'validation.scan.tooLarge' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'validation.scan.encoding' }),
});

const caseDocument = { caseId: id };

/** What each kind needs beyond the case; the rest is read from the database. */
export const generateDocumentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('acceptance_receipt'), ...caseDocument }),
  z.object({
    kind: z.literal('session_notice'),
    ...caseDocument,
    startsAt: localDateTime,
    place: required(200),
    /** The parties notified (one notice each); all the case's parties when left out. */
    partyIds: z.array(id).min(1).max(50).optional(),
    note: text(2_000).default(''),
  }),
  z.object({
    kind: z.literal('mediation_record'),
    ...caseDocument,
    heldAt: localDateTime,
    place: required(200),
    attendees: text(2_000).default(''),
    record: required(50_000),
  }),
  z.object({ kind: z.literal('agreement'), ...caseDocument, versionId: id }),
  z.object({
    kind: z.literal('oral_agreement'),
    ...caseDocument,
    agreedOn: isoDate,
    content: required(20_000),
    performance: text(5_000).default(''),
  }),
  z.object({
    kind: z.literal('confirmation_application'),
    ...caseDocument,
    court: required(200),
  }),
  z.object({ kind: z.literal('termination_notice'), ...caseDocument }),
  z.object({ kind: z.literal('follow_up_record'), ...caseDocument, followUpId: id }),
  z.object({ kind: z.literal('dossier'), ...caseDocument, retention: text(50).default('') }),
]);
export type GenerateDocumentInput = z.input<typeof generateDocumentSchema>;
export type GenerateDocument = z.output<typeof generateDocumentSchema>;

export const documentIdSchema = z.object({ id });

/** The short code printed on every page: 8 characters of Crockford base32, e.g. 7KQF-3M2X. */
export const verifySchema = z.object({
  code: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase().replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^[0-9A-HJKMNP-TV-Z]{8}$/, { error: 'validation.verificationCode' })),
});

/** Print, save or open a stored document through the desktop shell (Electron only). */
export const OUTPUT_ACTIONS = ['print', 'save', 'openLastSaved'] as const;
export const outputDocumentSchema = z.object({ id, action: z.enum(OUTPUT_ACTIONS) });
