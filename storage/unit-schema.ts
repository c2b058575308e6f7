import { Schema } from 'mongoose';
import type { Level } from '../domain/process/process-definition';

/** An administrative unit. Units are never deleted: a unit abolished by a reform gets `effectiveTo` and a successor. */
export interface UnitDoc {
  _id: string; // the unit code, e.g. HN-HD-HC
  name: string;
  nameEn?: string;
  level: Level;
  parentCode: string | null;
  effectiveFrom: string; // YYYY-MM-DD
  effectiveTo: string | null;
  successorCode: string | null;
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
  },
  { collection: 'units', versionKey: false },
);
unitSchema.index({ parentCode: 1 });
unitSchema.index({ level: 1 });
