import type { Category, Source } from '../../../src/cases/case.schema';

/** How the center's workload spreads over its studios (by studio code), and what each takes. */
export interface StudioProfile {
  readonly share: number;
  /** The studio's deadline rule as calendar days (30 working days ≈ 42). */
  readonly deadlineDays: number;
  readonly categories: Partial<Record<Category, number>>;
}

export const STUDIO_PROFILES: Readonly<Record<string, StudioProfile>> = {
  medical: { share: 8, deadlineDays: 42, categories: { medical: 1 } },
  judicial: {
    share: 6,
    deadlineDays: 15,
    categories: { contract: 3, damages: 2, marriage_family: 2, labour: 1, traffic_accident: 2 },
  },
  court: {
    share: 8,
    deadlineDays: 30,
    categories: { contract: 4, damages: 2, traffic_accident: 3, property_management: 1 },
  },
  township: {
    share: 35,
    deadlineDays: 30,
    categories: {
      neighbourhood: 10,
      housing_homestead: 6,
      contract: 5,
      damages: 4,
      forest_land: 2,
      pollution: 1,
      consumer: 4,
      property_management: 4,
      traffic_accident: 3,
      business: 2,
      other: 3,
    },
  },
  counseling: {
    share: 5,
    deadlineDays: 30,
    categories: { marriage_family: 3, neighbourhood: 1, other: 1 },
  },
  labour: { share: 15, deadlineDays: 15, categories: { labour: 1 } },
  family: { share: 13, deadlineDays: 30, categories: { marriage_family: 1 } },
  petition: {
    share: 10,
    deadlineDays: 30,
    categories: { land_expropriation: 4, housing_homestead: 2, labour: 1, other: 2 },
  },
};

export const SOURCE_WEIGHTS: Readonly<Record<Source, number>> = {
  walk_in: 40,
  hotline_12345: 15,
  police_110: 8,
  grid_member: 10,
  court_pre_filing: 8,
  court_post_filing: 4,
  letters_visits: 7,
  own_initiative: 5,
  government_designation: 3,
};

/** Categories whose respondent is usually an organization (hospital, employer, company). */
export const ORGANIZATION_RESPONDENT: Partial<Record<Category, number>> = {
  medical: 1,
  labour: 0.9,
  consumer: 0.8,
  property_management: 0.9,
  contract: 0.4,
  business: 0.3,
  pollution: 0.6,
};
