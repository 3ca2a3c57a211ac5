import type { Caller } from '../api/method';
import type { Database } from '../db/database';
import { reindexCase } from '../search/case-search';
import { getSetting } from '../settings/settings.repository';
import { centerYear, DEFAULT_NUMBER_TEMPLATE, formatCaseNumber } from './case-number';
import {
  insertCase,
  insertCaseEvent,
  insertCaseParties,
  type CasePartyLink,
} from './case.repository';
import { nextSequenceValue } from './numbering.repository';
import type { Category, RiskLevel, Source } from './case.schema';

export interface RegisteredCase {
  readonly id: number;
  readonly number: string;
}

export interface NewCaseContent {
  readonly fields: {
    readonly category: Category;
    readonly source: Source;
    readonly riskLevel: RiskLevel;
    readonly summary: string;
    readonly requests: string;
    readonly amountFen: number | null;
  };
  readonly parties: readonly CasePartyLink[];
  /** Extra data for the 'registered' timeline event (e.g. the case it was opened from). */
  readonly event?: Readonly<Record<string, unknown>>;
}

/**
 * A new registered case with the next number of its studio's yearly sequence, its parties and
 * its first timeline event. Runs inside the caller's immediate transaction, which keeps the
 * sequence gap-free: a rollback takes the number back.
 */
export async function createNumberedCase(
  db: Database,
  caller: Caller,
  studio: { id: number; numberCode: string; numberWord: string },
  now: Date,
  content: NewCaseContent,
): Promise<RegisteredCase> {
  const at = now.toISOString();
  const year = centerYear(now);
  const seq = await nextSequenceValue(db, `case:${studio.id}:${year}`);
  const template = (await getSetting(db, 'numbering.template')) ?? DEFAULT_NUMBER_TEMPLATE;
  const number = formatCaseNumber(template, {
    year,
    center: (await getSetting(db, 'center.numberCode')) ?? '',
    studio: studio.numberCode,
    word: studio.numberWord,
    seq,
  });
  const id = await insertCase(db, {
    ...content.fields,
    number,
    studioId: studio.id,
    numberYear: year,
    numberSeq: seq,
    status: 'registered',
    registeredAt: at,
    registeredBy: caller.staffId,
  });
  await insertCaseParties(db, id, content.parties);
  await reindexCase(db, id);
  await insertCaseEvent(db, {
    caseId: id,
    at,
    staffId: caller.staffId,
    kind: 'registered',
    data: { number, studioId: studio.id, ...content.event },
  });
  return { id, number };
}
