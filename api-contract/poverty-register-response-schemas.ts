import { REGISTER_CATEGORIES } from '../domain/poverty-register/poverty-register';
import { registerHouseholdSchema } from '../domain/poverty-register/poverty-register-schema';
import { arrayOf, closedObject } from './schema-builders';
import { boolean, instant, integer, string } from './schema-primitives';

const perCategory = closedObject({ poor: integer, near_poor: integer, exited: integer });
const counts = closedObject({ households: perCategory, people: perCategory, ethnicMinorityHouseholds: integer });
const masked = { ...string, description: 'the citizen id, masked (0010******45): the register keeps no full id' };

/** What every view of a household shows of it. */
const householdFields = {
  headName: string,
  cccd: masked,
  hamlet: string,
  category: { enum: REGISTER_CATEGORIES },
} as const;

/** A household as typed (responses use no custom format: the citizen ids are plain strings here). */
const typedHousehold = {
  ...registerHouseholdSchema,
  properties: {
    ...registerHouseholdSchema.properties,
    cccd: string,
    members: arrayOf(closedObject({ name: string, cccd: string })),
  },
} as const;

const revisionHead = closedObject({
  revision: { ...integer, minimum: 1 },
  at: instant,
  by: { ...string, description: 'the username' },
  byName: string,
  reason: string,
  counts,
});

/** The response schemas of the poverty register (part of responseSchemas, spread in at the end). */
export const povertyRegisterResponseSchemas = {
  PovertyRegister: closedObject({
    unitCode: string,
    unitName: string,
    year: integer,
    ...revisionHead.properties,
    households: arrayOf(
      closedObject({
        ...householdFields,
        ethnicMinority: boolean,
        members: arrayOf(closedObject({ name: string, cccd: masked })),
      }),
    ),
    revisions: { ...arrayOf(revisionHead), description: 'every revision, the first first (append-only)' },
    mayEdit: { ...boolean, description: 'the caller may replace it with a new revision' },
  }),
  PovertyRegisterRows: closedObject({
    households: {
      ...arrayOf(typedHousehold),
      description: 'the households the workbook holds, citizen ids as typed (the uploader’s own data, not stored)',
    },
  }),
  PovertyRegisterSummary: closedObject({
    unitCode: string,
    unitName: string,
    year: integer,
    counts: { ...counts, description: 'every commune register of the year at or below the unit, newest revisions' },
    registers: { ...integer, description: 'how many commune registers those are' },
    byUnit: {
      ...arrayOf(closedObject({ unitCode: string, name: string, counts, registers: integer })),
      description: 'the same per unit directly below (rolled up from its communes); empty for a commune',
    },
  }),
} as const;

/** A coverage target's detail when its baseline is the register (GET /api/plans/{id}/progress). */
export const registerTargetDetail = {
  ...closedObject({
    byCommune: arrayOf(closedObject({ unitCode: string, name: string, covered: integer, total: integer })),
    uncovered: {
      ...arrayOf(
        closedObject({
          unitCode: string,
          name: string,
          households: arrayOf(
            closedObject({
              ...householdFields,
              people: integer,
              uncoveredPeople: integer,
            }),
          ),
        }),
      ),
      description: "the households not yet covered, only for the caller's own communes (a role at the commune itself)",
    },
  }),
  description: 'only for a coverage target whose baseline is the poverty register',
} as const;
