import { creditCodeCheckChar, residentIdCheckChar } from '../../../src/shared/china-ids';
import type { Random } from './random';
import { GIVEN_CHARS, HOSPITALS, ORG_KINDS, ORG_PREFIXES, REGIONS, SURNAMES } from './words';

/** A parties row as inserted (snake_case columns, see PARTY_COLUMNS). */
export type PartyRow = readonly (string | number | null)[];

export const PARTY_COLUMNS = [
  'id',
  'kind',
  'name',
  'sex',
  'id_number',
  'birth_date',
  'credit_code',
  'legal_representative',
  'phone',
  'address',
  'created_at',
  'updated_at',
] as const;

const MOBILE_PREFIXES = ['138', '139', '135', '136', '137', '150', '151', '152', '158', '159'];
const MORE_PREFIXES = ['186', '187', '188', '189', '130', '131', '132', '133', '180', '199'];
const MOBILES = [...MOBILE_PREFIXES, ...MORE_PREFIXES];
const DAY_MS = 86_400_000;
const BIRTH_DAYS = 18_250; // 1950-01-01 .. 1999-12-18
const BIRTH_START = Date.UTC(1950, 0, 1);

/** Surnames are picked with a skew: the first (王, 李, 张, ...) are far more common. */
function surname(rng: Random): string {
  const r = rng.next();
  return SURNAMES[Math.floor(r * r * SURNAMES.length)] ?? '王';
}

export function personName(rng: Random): string {
  const given = rng.chance(0.35)
    ? rng.pick(GIVEN_CHARS)
    : `${rng.pick(GIVEN_CHARS)}${rng.pick(GIVEN_CHARS)}`;
  return `${surname(rng)}${given}`;
}

/**
 * Makes parties with ids counting from 1. Every resident ID, phone and credit code is unique and
 * valid (check characters computed), as intake would have stored them.
 */
export class PartyFactory {
  #nextId = 1;
  #persons = 0;
  #orgs = 0;

  constructor(
    private readonly rng: Random,
    private readonly at: string,
  ) {}

  get count(): number {
    return this.#nextId - 1;
  }

  person(): PartyRow {
    const n = this.#persons++;
    const rng = this.rng;
    const male = rng.chance(0.5);
    const birth = new Date(BIRTH_START + (n % BIRTH_DAYS) * DAY_MS).toISOString().slice(0, 10);
    const block = String(Math.floor(n / BIRTH_DAYS) % 100).padStart(2, '0');
    const sexDigit = rng.int(0, 4) * 2 + (male ? 1 : 0);
    const first17 = `${REGIONS[(n * 7) % REGIONS.length]}${birth.replaceAll('-', '')}${block}${sexDigit}`;
    const idNumber = rng.chance(0.92) ? first17 + residentIdCheckChar(first17) : null;
    const phone = rng.chance(0.85)
      ? `${MOBILES[n % MOBILES.length]}${String((n * 7919) % 100_000_000).padStart(8, '0')}`
      : null;
    const address = `${rng.pick(['城东街道', '城西街道', '南湖镇', '北山镇', '江口乡'])}${rng.int(1, 300)}号`;
    return [
      this.#nextId++,
      'person',
      personName(rng),
      male ? 'male' : 'female',
      idNumber,
      idNumber === null ? null : birth,
      null,
      null,
      phone,
      address,
      this.at,
      this.at,
    ];
  }

  organization(name: string, institution = false): PartyRow {
    const n = this.#orgs++;
    const first17 = `${institution ? '12' : '91'}${REGIONS[n % REGIONS.length]}${String(n).padStart(9, '0')}`;
    const phone = `0${this.rng.int(10, 999)}-${this.rng.int(2_000_000, 89_999_999)}`;
    return [
      this.#nextId++,
      'organization',
      name,
      null,
      null,
      null,
      first17 + creditCodeCheckChar(first17),
      personName(this.rng),
      phone,
      null,
      this.at,
      this.at,
    ];
  }

  companyName(): string {
    const rng = this.rng;
    return `${rng.pick(ORG_PREFIXES)}${rng.pick(ORG_PREFIXES)}${rng.pick(ORG_KINDS)}`;
  }

  hospitals(): PartyRow[] {
    return HOSPITALS.map((name) => this.organization(name, true));
  }
}
