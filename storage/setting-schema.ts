import { Schema } from 'mongoose';

/**
 * Installation-wide settings created on first use (e.g. the embed-token signing key), and leases (see acquireLease:
 * `value` is the holder, `expiresAt` when another process may take it over).
 */
export interface SettingDoc {
  _id: string;
  value: string;
  createdAt: Date;
  expiresAt?: Date;
}

export const settingSchema = new Schema<SettingDoc>(
  {
    _id: { type: String, required: true },
    value: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: Date,
  },
  { collection: 'settings', versionKey: false },
);
