import { roleGrant } from './dossier-schema-parts';
import { arrayOf, closedObject, nullable } from './schema-builders';
import { day, instant, integer, level, localized, nullableDay, nullableString, string } from './schema-primitives';
import { adminResponseSchemas } from './admin-response-schemas';
import { bankStatementResponseSchemas } from './bank-statement-response-schemas';
import { calendarResponseSchemas } from './calendar-response-schemas';
import { dossierResponseSchemas } from './dossier-response-schemas';
import { embedResponseSchemas } from './embed-response-schemas';
import { fundResponseSchemas } from './fund-response-schemas';
import { overlapResponseSchemas } from './overlap-schemas';
import { planResponseSchemas } from './plan-response-schemas';
import { povertyRegisterResponseSchemas } from './poverty-register-response-schemas';
import { slaResponseSchemas } from './sla-response-schemas';
import { transitionResponseSchemas } from './transition-schemas';

/**
 * JSON Schemas (2020-12) of the API's answers: the one source of the response types (api-types.ts derives them
 * with `FromSchema`), published as OpenAPI components, and checked against real answers by the integration test
 * (test/integration/openapi-conformance.test.ts). Where an answer carries a shape the domain owns (a decision
 * record, a status), the schema spells it out and domain-agreement.ts proves it equal to the domain's type.
 * Instants are ISO 8601 strings (`date-time`), days are `YYYY-MM-DD` (`date`) (schema-primitives.ts). The schemas of
 * one area have their own file (dossier-response-schemas.ts, sla-response-schemas.ts, admin-response-schemas.ts,
 * embed-response-schemas.ts, calendar-response-schemas.ts, fund-response-schemas.ts, …), spread in here.
 */

const processSummary = closedObject(
  {
    key: string,
    version: integer,
    title: localized,
    programme: string,
    effectiveFrom: day,
    effectiveTo: day,
    versions: { ...arrayOf(integer), description: 'Every published version, newest first' },
  },
  ['effectiveFrom', 'effectiveTo'],
);

const unitItem = closedObject(
  {
    code: string,
    name: string,
    nameEn: string,
    level,
    parent: nullableString,
    effectiveFrom: day,
    effectiveTo: nullableDay,
    successor: { ...nullableString, description: 'the first successor (older readers); see successors' },
    successors: {
      ...arrayOf(closedObject({ code: string, share: { type: 'number' }, rule: string }, ['share', 'rule'])),
      description: 'every unit taking over its households, each with its share (percent) or its rule',
    },
    inForce: { type: 'boolean', description: 'in force today (Vietnam civil date), by domain/units inForceOn' },
    acceptsDossiers: {
      type: 'boolean',
      description: 'a dossier may be opened here today as this installation enforces validity (inForce, or always)',
    },
  },
  ['nameEn'],
);

const currentUser = closedObject(
  {
    id: string,
    displayName: string,
    displayNameEn: { type: 'string', description: 'the name and title in English, for English mode; absent: none' },
    grants: arrayOf(roleGrant),
  },
  ['displayNameEn'],
);

export const responseSchemas = {
  LoginResponse: closedObject({
    token: string,
    expiresAt: instant,
    refreshToken: string,
    refreshExpiresAt: instant,
    user: currentUser,
  }),
  CurrentUser: currentUser,
  AuthConfig: closedObject({
    oidc: {
      ...nullable(closedObject({ issuer: string, clientId: string, scopes: arrayOf(string) })),
      description: "The province's OpenID provider the sign-in page offers (authorization code + PKCE), or null",
    },
  }),
  ProcessSummary: processSummary,
  ProcessList: closedObject({ items: arrayOf(processSummary) }),
  ...dossierResponseSchemas,
  ...slaResponseSchemas,
  UnitList: closedObject(
    {
      at: nullableDay,
      under: nullableString,
      area: { type: 'string', description: 'embed only: the province whose units are listed' },
      items: arrayOf(unitItem),
    },
    ['area'],
  ),
  ...adminResponseSchemas,
  ...fundResponseSchemas,
  ...overlapResponseSchemas,
  ...embedResponseSchemas,
  StoredFile: closedObject({
    fileId: { type: 'string', description: 'Reference it from form data' },
    contentType: { type: 'string', description: 'image/jpeg, image/png, image/webp or application/pdf' },
    size: integer,
    sha256: string,
    fileName: nullableString,
  }),
  ...calendarResponseSchemas,
  ...bankStatementResponseSchemas,
  ...planResponseSchemas,
  ...transitionResponseSchemas,
  ...povertyRegisterResponseSchemas,
} as const;
