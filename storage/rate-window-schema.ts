import { Schema } from 'mongoose';

/**
 * One fixed window of a rate limit (`<key>|<window start in ms>`), counted with an atomic `$inc` upsert, so that
 * every API process counts against the same number. `windowStart` lets old windows be removed.
 */
export interface RateWindowDoc {
  _id: string;
  count: number;
  windowStart: Date;
}

export const rateWindowSchema = new Schema<RateWindowDoc>(
  {
    _id: { type: String, required: true },
    count: { type: Number, required: true },
    windowStart: { type: Date, required: true, index: true },
  },
  { collection: 'rate_windows', versionKey: false },
);
