import { sql } from 'kysely';
import type { CaseListInput } from '../../src/cases/case-list.schema';
import type { Database } from '../../src/db/database';
import { LONG_SEARCH_WORDS, SHORT_SEARCH_WORDS } from './generate/words';

const OPEN = ['registered', 'accepted', 'in_mediation'] as const;

/** What a director or receptionist does with the filter bar: one page of 50 each time. */
export function listScenarios(studioIds: readonly number[], mediatorId: number): CaseListInput[] {
  const [first = 1, second = 2, third = 3] = studioIds;
  return [
    {},
    { statuses: [...OPEN], sort: 'deadlineOn', direction: 'asc' },
    { overdue: true, sort: 'deadlineOn', direction: 'asc' },
    { dueSoon: true },
    { overdue: true, dueSoon: true, studioIds: [second] },
    { studioIds: [first], statuses: ['in_mediation'] },
    {
      categories: ['labour', 'contract'],
      sources: ['walk_in', 'hotline_12345'],
      registeredFrom: '2025-01-01',
      registeredTo: '2025-06-30',
    },
    { sort: 'number', direction: 'asc', studioIds: [third] },
    { mediatorId, statuses: [...OPEN] },
    { mediatorId },
    { riskLevels: ['high'], sort: 'registeredAt', direction: 'asc' },
    {
      statuses: ['archived'],
      registeredFrom: '2024-03-01',
      registeredTo: '2024-03-31',
      sort: 'number',
      direction: 'desc',
    },
    { categories: ['pollution'] },
    { sort: 'deadlineOn', direction: 'desc' },
    { registeredFrom: '2026-11-01' },
    {
      statuses: ['concluded'],
      sources: ['court_pre_filing'],
      sort: 'registeredAt',
      direction: 'asc',
    },
  ];
}

export interface SearchSamples {
  readonly long: string[];
  readonly short: string[];
  readonly identifiers: string[];
}

/** Queries as people type them, drawn from the generated data and the word lists. */
export async function searchSamples(db: Database): Promise<SearchSamples> {
  const names = async (length: number, limit: number) =>
    (
      await sql<{ name: string }>`
        select name from parties where kind = 'person' and length(name) = ${length}
        order by random() limit ${limit}`.execute(db)
    ).rows.map((r) => r.name);
  const { rows: numbers } = await sql<{ number: string }>`
    select number from cases order by random() limit 60`.execute(db);
  const { rows: people } = await sql<{ idNumber: string | null; phone: string | null }>`
    select id_number, phone from parties where kind = 'person' order by random() limit 60`.execute(
    db,
  );

  const fullNames = await names(3, 60);
  const twoCharNames = await names(2, 60);
  // 医调字第0123: the studio's code, the word and the sequence, as a number is read out.
  const fragments = numbers.map(({ number }) =>
    number.replace(/^（\d{4}）./u, '').replace(/号$/u, ''),
  );
  const long = fullNames.flatMap((name, i) => [
    name,
    fragments[i % fragments.length] ?? name,
    LONG_SEARCH_WORDS[i % LONG_SEARCH_WORDS.length] ?? name,
    i % 4 === 0 ? `${name.slice(0, 2)} ${LONG_SEARCH_WORDS[i % LONG_SEARCH_WORDS.length]}` : name,
    i % 5 === 0 ? (numbers[i % numbers.length]?.number ?? name) : name,
  ]);
  const short = twoCharNames.flatMap((name, i) => [
    name,
    SHORT_SEARCH_WORDS[i % SHORT_SEARCH_WORDS.length] ?? name,
    name.slice(0, 1),
  ]);
  const identifiers = people.flatMap(({ idNumber, phone }) => [
    ...(idNumber === null ? [] : [idNumber]),
    ...(phone === null ? [] : [`${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`]),
  ]);
  return { long, short, identifiers };
}
