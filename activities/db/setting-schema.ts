import { Schema } from 'mongoose';

/** Installation-wide settings created on first use (e.g. the embed-token signing key). */
export interface SettingDoc {
  _id: string;
  value: string;
  createdAt: Date;
}

export const settingSchema = new Schema<SettingDoc>(
  { _id: { type: String, required: true }, value: { type: String, required: true }, createdAt: { type: Date, required: true } },
  { collection: 'settings', versionKey: false },
);
