import { Schema } from 'mongoose';
import type { Level } from '../domain/process/process-definition';
import type { UnitSuccessor } from '../domain/units/unit-successor';

/** An administrative unit. Units are never deleted: a unit abolished by a reform gets `effectiveTo` and a successor. */
export interface UnitDoc {
  _id: string; // the unit code, e.g. HN-HD-HC
  name: string;
  nameEn?: string;
  level: Level;
  parentCode: string | null;
  effectiveFrom: string; // YYYY-MM-DD
  effectiveTo: string | null;
  /** The first successor, kept for older readers; `successors` is the full list (see successorsOf). */
  successorCode: string | null;
  /** Absent on units stored before splits were recorded: read them with successorsOf (successorCode at 100 %). */
  successors?: UnitSuccessor[];
}

export const unitSchema = new Schema<UnitDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    nameEn: String,
    level: { type: String, required: true, enum: ['province', 'district', 'commune'] },
    parentCode: { type: String, default: null },
    effectiveFrom: { type: String, required: true },
    effectiveTo: { type: String, default: null },
    successorCode: { type: String, default: null },
    successors: {
      type: [{ _id: false, code: { type: String, required: true }, share: Number, rule: String }],
      default: undefined,
    },
  },
  { collection: 'units', versionKey: false },
);
unitSchema.index({ parentCode: 1 });
unitSchema.index({ level: 1 });
