/**
 * The register of poor and near-poor households (danh sách hộ nghèo, hộ cận nghèo) of one commune for one year, as
 * the year-end review recognised them ([poverty-register.md](../../docs/poverty-register.md)).
 */

/** A household's category in the review: poor, near-poor, or newly exited (thoát nghèo / thoát cận nghèo). */
export const REGISTER_CATEGORIES = ['poor', 'near_poor', 'exited'] as const;
export type RegisterCategory = (typeof REGISTER_CATEGORIES)[number];

/** What a coverage target counts from the register: its households, or every person of them. */
export const REGISTER_COUNTINGS = ['households', 'people'] as const;
export type RegisterCounting = (typeof REGISTER_COUNTINGS)[number];

/** A coverage target's baseline taken from the register: which categories, and households or people. */
export interface RegisterBaseline {
  categories: RegisterCategory[];
  counting: RegisterCounting;
}

/** Another person of the household (the head is not repeated here). */
export interface RegisterMember {
  name: string;
  cccd: string;
}

/** One household as entered or imported: its head's citizen id in full (it is hashed before it is stored). */
export interface RegisterHousehold {
  headName: string;
  cccd: string;
  hamlet: string;
  category: RegisterCategory;
  ethnicMinority: boolean;
  members: RegisterMember[];
}

/** A new revision of a commune's register for a year (POST /api/poverty-registers). */
export interface RegisterContent {
  unitCode: string;
  year: number;
  /** The revision this one replaces; 0 for the first. */
  expectedRevision: number;
  reason: string;
  households: RegisterHousehold[];
}

/** A person as stored: the keyed hash of the citizen id (matching) and its mask (display), never the id. */
export interface StoredPerson {
  name: string;
  key: string;
  masked: string;
}

/** A household as stored. */
export interface StoredHousehold {
  head: StoredPerson;
  hamlet: string;
  category: RegisterCategory;
  ethnicMinority: boolean;
  members: StoredPerson[];
}

/** Households and people per category (and how many households are of an ethnic minority). */
export interface RegisterCounts {
  households: Record<RegisterCategory, number>;
  people: Record<RegisterCategory, number>;
  ethnicMinorityHouseholds: number;
}
