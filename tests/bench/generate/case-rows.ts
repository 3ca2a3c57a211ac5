import type { Category } from '../../../src/cases/case.schema';
import type { PartyFactory, PartyRow } from './people';
import type { Random } from './random';
import { ORGANIZATION_RESPONDENT } from './studios';

type Role = 'applicant' | 'respondent' | 'third_party';

/**
 * Chooses the parties of one case: mostly new people, some who came before (repeat
 * disputants), hospitals and employers that appear in many cases. New parties are returned for
 * insertion along with the case's (party id, role) list.
 */
export class PartyPicker {
  readonly #persons: number[] = [];
  readonly #companies: number[] = [];
  readonly #hospitals: number[];

  constructor(
    private readonly rng: Random,
    private readonly factory: PartyFactory,
    hospitals: readonly PartyRow[],
  ) {
    this.#hospitals = hospitals.map((h) => Number(h[0]));
  }

  pick(category: Category): { fresh: PartyRow[]; roles: { partyId: number; role: Role }[] } {
    const rng = this.rng;
    const fresh: PartyRow[] = [];
    const roles: { partyId: number; role: Role }[] = [];
    const taken = new Set<number>();
    const add = (partyId: number, role: Role) => {
      if (taken.has(partyId)) return;
      taken.add(partyId);
      roles.push({ partyId, role });
    };
    const person = (reuse: number): number => {
      if (this.#persons.length > 100 && rng.chance(reuse)) return rng.pick(this.#persons);
      const row = this.factory.person();
      fresh.push(row);
      this.#persons.push(Number(row[0]));
      return Number(row[0]);
    };
    const company = (): number => {
      if (this.#companies.length > 50 && rng.chance(0.6)) return rng.pick(this.#companies);
      const row = this.factory.organization(this.factory.companyName());
      fresh.push(row);
      this.#companies.push(Number(row[0]));
      return Number(row[0]);
    };

    const applicants = Number(rng.weighted({ 1: 65, 2: 20, 3: 10, 5: 5 }));
    for (let i = 0; i < applicants; i += 1) add(person(0.08), 'applicant');
    const respondents = rng.chance(0.8) ? 1 : 2;
    for (let i = 0; i < respondents; i += 1) {
      const organization = rng.chance(ORGANIZATION_RESPONDENT[category] ?? 0);
      const partyId = !organization
        ? person(0.05)
        : category === 'medical'
          ? rng.pick(this.#hospitals)
          : company();
      add(partyId, 'respondent');
    }
    if (rng.chance(0.25)) add(person(0), 'third_party');
    return { fresh, roles };
  }
}
