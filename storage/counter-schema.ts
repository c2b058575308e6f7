import { Schema } from 'mongoose';

/** Named sequences (e.g. dossier numbers per unit and year), advanced atomically with $inc. */
export interface CounterDoc {
  _id: string;
  value: number;
}

export const counterSchema = new Schema<CounterDoc>(
  { _id: { type: String, required: true }, value: { type: Number, required: true } },
  { collection: 'counters', versionKey: false },
);
