import { Schema } from 'mongoose';
import type { RegisterCounts, StoredHousehold } from '../domain/poverty-register/poverty-register';

/**
 * One revision of a commune's poverty register for a year ([poverty-register.md](../docs/poverty-register.md)). The
 * `poverty_registers` collection is append-only like `plans`: the first entry for a commune and year is revision 1,
 * each replacement inserts the next revision whole, with who made it, when and why; nothing is updated or deleted.
 * The unique `{unitCode, year, revision}` index admits one of two replacements made from the same revision (the
 * insert-if-absent guarantee test/storage proves on FerretDB); the other is answered 409. Citizen ids are stored
 * only as keyed hashes (the overlap index's key and normalisation) and masked for display, never in full.
 */
export interface PovertyRegisterDoc {
  _id: string; // `${unitCode}|${year}@${revision}`
  unitCode: string;
  /** The unit's chain, the unit first (who may read it, and roll-ups). */
  units: string[];
  year: number;
  revision: number;
  households: StoredHousehold[];
  counts: RegisterCounts;
  by: string;
  byName: string;
  at: Date;
  reason: string;
}

export const povertyRegisterSchema = new Schema<PovertyRegisterDoc>(
  {
    _id: { type: String, required: true },
    unitCode: { type: String, required: true },
    units: { type: [String], default: [] },
    year: { type: Number, required: true },
    revision: { type: Number, required: true },
    households: { type: Schema.Types.Mixed, default: [] },
    counts: { type: Schema.Types.Mixed, required: true },
    by: { type: String, required: true },
    byName: { type: String, required: true },
    at: { type: Date, required: true },
    reason: { type: String, required: true },
  },
  { collection: 'poverty_registers', versionKey: false },
);
povertyRegisterSchema.index({ unitCode: 1, year: 1, revision: 1 }, { unique: true });
povertyRegisterSchema.index({ units: 1, year: 1 });
