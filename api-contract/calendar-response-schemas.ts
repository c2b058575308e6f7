import { arrayOf, closedObject, nullable } from './schema-builders';
import { boolean, day, instant, integer, nullableInstant, string } from './schema-primitives';

const calendarSource = closedObject({
  document: { type: 'string', description: 'Number of the document, e.g. 9441/TB-BNV' },
  date: day,
  issuer: { type: 'string', description: 'e.g. Bộ Nội vụ, Văn phòng Chính phủ' },
});
const datedEntry = closedObject(
  {
    date: day,
    name: string,
    source: { ...nullable(calendarSource), description: 'The document that sets the day; null: not found (see note)' },
    note: string,
  },
  ['source', 'note'],
);
const dayKind = { enum: ['day_off', 'working_day', 'default'] } as const;

/**
 * JSON Schemas of the answers about working calendars: a year as in force and the audit trail of its edits. Spread
 * into responseSchemas (response-schemas.ts).
 */
export const calendarResponseSchemas = {
  CalendarYear: closedObject(
    {
      _id: { type: 'string', description: 'stored copies only' },
      scope: { type: 'string', description: 'VN or the province whose copy is in force' },
      year: integer,
      daysOff: arrayOf(datedEntry),
      workingDays: arrayOf(datedEntry),
      officeHours: arrayOf(closedObject({ start: string, end: string })),
      cutoff: string,
      source: string,
      publication: { ...calendarSource, description: 'The notice an administrator loaded the year from' },
      stored: boolean,
      updatedBy: { type: 'string', description: 'stored copies only' },
      requestedScope: string,
      overridden: boolean,
      updatedAt: {
        ...nullableInstant,
        description: 'Of the copy stored for the requested scope (null: none); an edit sends it as expectedUpdatedAt',
      },
    },
    ['_id', 'updatedBy', 'publication'],
  ),
  CalendarEditList: closedObject({
    items: arrayOf(
      closedObject({
        id: string,
        scope: string,
        year: integer,
        date: day,
        change: dayKind,
        name: string,
        before: dayKind,
        by: string,
        byName: { type: 'string', description: "the editor's full name and title (namesOfPeople), for display" },
        at: instant,
      }),
    ),
  }),
} as const;
