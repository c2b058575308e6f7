import { OUTCOMES } from '../domain/process/process-definition';
import { CITIZEN_TIMELINESS } from '../domain/sla/citizen-timeliness';
import { arrayOf, closedObject, nullable } from './schema-builders';
import { instant, integer, localized, nullableInstant, nullableString, string } from './schema-primitives';

const embedToken = closedObject({
  id: string,
  label: string,
  processKey: string,
  processVersion: { type: ['integer', 'null'], description: 'null: the latest published version' },
  unitCode: string,
  origins: arrayOf(string),
  rateLimitPerMinute: integer,
  createdBy: string,
  createdAt: instant,
  expiresAt: instant,
  revokedAt: nullableInstant,
  token: string,
  snippets: closedObject({ iframe: string, script: string, statusIframe: string, statusScript: string }),
});

/**
 * JSON Schemas of the answers about embedded forms: embed tokens and a citizen's status of a dossier. Spread into
 * responseSchemas (response-schemas.ts).
 */
export const embedResponseSchemas = {
  EmbedToken: embedToken,
  CitizenStatus: closedObject({
    code: string,
    process: localized,
    stage: localized,
    processingUnit: { ...nullableString, description: 'the unit processing it now; null once closed' },
    receivedAt: instant,
    dueAt: nullableInstant,
    timeliness: nullable({ enum: CITIZEN_TIMELINESS }),
    timelinessText: nullable(localized),
    outcome: nullable({ enum: OUTCOMES }),
    closedAt: nullableInstant,
  }),
  EmbedTokenList: closedObject({ items: arrayOf(embedToken) }),
} as const;
