import { LEVELS } from '../domain/process/process-definition';
import { closedObject } from './schema-builders';

/**
 * The scalar schemas every response schema is built from (response-schemas.ts and the files of one area each,
 * such as fund-response-schemas.ts). Instants are ISO 8601 strings (`date-time`), days are `YYYY-MM-DD` (`date`).
 */
export const string = { type: 'string' } as const;
export const integer = { type: 'integer' } as const;
export const boolean = { type: 'boolean' } as const;
export const nullableString = { type: ['string', 'null'] } as const;
export const instant = { type: 'string', format: 'date-time' } as const;
export const nullableInstant = { type: ['string', 'null'], format: 'date-time' } as const;
export const day = { type: 'string', format: 'date' } as const;
export const nullableDay = { type: ['string', 'null'], format: 'date' } as const;

/** A text in Vietnamese and English. */
export const localized = closedObject({ vi: string, en: string });
/** The level of a unit: province, district or commune. */
export const level = { enum: LEVELS } as const;
