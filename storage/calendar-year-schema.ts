import { Schema } from 'mongoose';
import type { CalendarYear } from '../domain/calendar/calendar-year';

/** A stored calendar year (`VN:<year>` national, `<province>:<year>` an override); absent years use the seed. */
export interface CalendarYearDoc extends CalendarYear {
  _id: string;
  updatedAt: Date;
  updatedBy: string;
}

const source = {
  type: new Schema(
    {
      document: { type: String, required: true },
      date: { type: String, required: true },
      issuer: { type: String, required: true },
    },
    { _id: false },
  ),
  default: undefined,
};
const dated = [
  {
    _id: false,
    date: { type: String, required: true },
    name: { type: String, required: true },
    source,
    note: { type: String, default: undefined },
  },
];

export const calendarYearSchema = new Schema<CalendarYearDoc>(
  {
    _id: { type: String, required: true },
    scope: { type: String, required: true },
    year: { type: Number, required: true },
    daysOff: dated,
    workingDays: dated,
    officeHours: [{ _id: false, start: { type: String, required: true }, end: { type: String, required: true } }],
    cutoff: { type: String, required: true },
    source: { type: String, required: true },
    publication: source,
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
  },
  { collection: 'calendar_years', versionKey: false },
);

/** Append-only record of every calendar edit: who changed which day of which scope, from what to what. */
export interface CalendarEditDoc {
  _id: string;
  scope: string;
  year: number;
  date: string;
  change: 'day_off' | 'working_day' | 'default';
  name: string;
  before: 'day_off' | 'working_day' | 'default';
  by: string;
  at: Date;
}

export const calendarEditSchema = new Schema<CalendarEditDoc>(
  {
    _id: { type: String, required: true },
    scope: { type: String, required: true },
    year: { type: Number, required: true },
    date: { type: String, required: true },
    change: { type: String, required: true },
    name: { type: String, required: true },
    before: { type: String, required: true },
    by: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'calendar_edits', versionKey: false },
);
calendarEditSchema.index({ scope: 1, year: 1, at: -1 });
