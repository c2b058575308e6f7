import { AUDIT_PROBLEMS } from '../domain/audit/audit-problem';
import { roleGrant } from './dossier-schema-parts';
import { arrayOf, closedObject, nullable } from './schema-builders';
import {
  boolean,
  day,
  instant,
  integer,
  level,
  localized,
  nullableDay,
  nullableString,
  string,
} from './schema-primitives';

const adminUser = closedObject(
  {
    id: string,
    displayName: string,
    displayNameEn: { type: 'string', description: 'the name and title in English, for English mode; absent: none' },
    active: boolean,
    /** Locked after too many failed sign-ins, until an administrator unlocks it. */
    locked: boolean,
    grants: arrayOf(roleGrant),
  },
  ['displayNameEn'],
);

/**
 * JSON Schemas of the administrators' answers: units as stored, users, the admin event log, dossiers needing an
 * operator, the audit chain, published definitions and their diffs. Spread into responseSchemas (response-schemas.ts).
 */
export const adminResponseSchemas = {
  AdminUnit: {
    ...closedObject(
      {
        _id: { type: 'string', description: 'The unit code' },
        name: string,
        nameEn: string,
        level,
        parentCode: nullableString,
        effectiveFrom: day,
        effectiveTo: nullableDay,
        successorCode: nullableString,
        successors: arrayOf(closedObject({ code: string, share: { type: 'number' }, rule: string }, ['share', 'rule'])),
      },
      ['nameEn', 'successors'],
    ),
    description: 'A unit as stored',
  },
  AdminUser: adminUser,
  AdminUserList: closedObject({
    items: arrayOf(adminUser),
    truncated: { type: 'boolean', description: 'More users match than the limit' },
  }),
  AdminEventList: closedObject({
    items: arrayOf(
      closedObject(
        {
          id: string,
          at: instant,
          by: string,
          kind: string,
          target: string,
          scope: { type: ['string', 'null'], description: 'The unit whose administrators may read it; null: registry' },
          details: { type: 'object' },
        },
        ['details'],
      ),
    ),
  }),
  AttentionList: closedObject({
    items: arrayOf(
      closedObject({
        dossierId: string,
        activity: { type: 'string', description: 'The activity that keeps failing: projectDossier, computeDueAt, …' },
        reason: {
          type: 'string',
          description: 'Retrying (an outage: still retried), InvalidInput or DefinitionMissing (retried every 15 min)',
        },
        since: { type: ['string', 'null'], format: 'date-time', description: 'When the dossier was flagged' },
        unitCode: { type: 'string', description: 'Where the dossier is (its processing or receiving unit)' },
      }),
    ),
    truncated: { type: 'boolean', description: 'More dossiers are flagged than the limit' },
  }),
  AuditVerification: closedObject({
    ok: boolean,
    checked: { type: 'integer', description: 'Links found intact before the first problem (all of them when ok)' },
    firstBroken: nullable(
      closedObject({
        seq: { type: ['integer', 'null'], description: 'The link; null for a record never chained' },
        collection: {
          type: ['string', 'null'],
          description: 'audit_log, admin_events or security_events; null for a missing link or a truncation',
        },
        id: { type: ['string', 'null'], description: 'The record of that collection' },
        problem: { enum: AUDIT_PROBLEMS },
      }),
    ),
  }),
  PublishedVersionList: closedObject({
    items: arrayOf(
      closedObject(
        {
          key: string,
          version: integer,
          title: localized,
          programme: { type: 'string', description: 'processes only' },
          publishedAt: instant,
          publishedBy: string,
        },
        ['programme'],
      ),
    ),
  }),
  PublishResult: closedObject({
    ref: { type: 'string', description: 'key@version' },
    created: { type: 'boolean', description: 'false: the same content was already published' },
  }),
  DefinitionDiff: closedObject({
    from: { type: 'string', description: 'key@version' },
    to: { type: 'string', description: 'key@version' },
    changes: arrayOf(
      closedObject(
        {
          op: { enum: ['add', 'remove', 'replace'] },
          path: { type: 'string', description: 'JSON pointer' },
          before: {},
          after: {},
        },
        ['before', 'after'],
      ),
    ),
  }),
} as const;
