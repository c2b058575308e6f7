import { arrayOf, closedObject, nullable } from './schema-builders';
import { boolean, instant, integer, localized, nullableString, string } from './schema-primitives';

/**
 * The contract of overlap checks (docs/overlap-checks.md): the overlap items a 409 `OverlapFound` and a dossier's
 * detail carry, the override a creation may send, and the administrator's rule list. Spread into the request and
 * response schemas.
 */

const programme = { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,59}$', title: 'Chương trình' } as const;

/** One dossier the household or person already has under a rule; `dossierId` only where the caller may read it. */
export const overlapItem = closedObject(
  {
    ruleId: string,
    ruleTitle: localized,
    subject: { enum: ['household', 'person'] },
    programme: string,
    supportType: nullableString,
    year: { ...integer, description: 'The year (Việt Nam time) the other dossier was opened' },
    unitName: { ...string, description: 'The name of the unit that received it' },
    dossierId: { ...string, description: 'Only when the caller may read that dossier' },
  },
  ['dossierId'],
);

/** The override as the creation's history record keeps it (also in the audit log). */
export const overlapOverrideRecord = closedObject({
  reason: string,
  overlaps: arrayOf(
    closedObject(
      {
        ruleId: string,
        programme: string,
        supportType: nullableString,
        year: integer,
        unit: string,
        dossierId: string,
      },
      ['dossierId'],
    ),
  ),
});

/** `overlapOverride` of a creation request: the reason the creator gives for creating an overlapping dossier. */
export const overlapOverrideRequest = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  title: 'Lý do vẫn lập hồ sơ trùng đối tượng',
  properties: {
    reason: { type: 'string', title: 'Lý do', minLength: 5, maxLength: 1000, pattern: '\\S' },
  },
} as const;

const side = {
  type: 'object',
  additionalProperties: false,
  required: ['programme'],
  properties: {
    programme,
    supportTypes: {
      type: 'array',
      title: 'Hình thức hỗ trợ',
      minItems: 1,
      maxItems: 20,
      items: { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,59}$' },
    },
  },
} as const;

const overlapRule = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'title', 'subject', 'sides', 'window'],
  properties: {
    id: { type: 'string', title: 'Mã quy tắc', pattern: '^[a-z0-9][a-z0-9-]{0,59}$' },
    title: {
      type: 'object',
      additionalProperties: false,
      required: ['vi', 'en'],
      properties: {
        vi: { type: 'string', title: 'Tên quy tắc', minLength: 1, maxLength: 200 },
        en: { type: 'string', title: 'Rule title (English)', minLength: 1, maxLength: 200 },
      },
    },
    subject: { enum: ['household', 'person'], title: 'Đối tượng' },
    sides: { type: 'array', title: 'Hai chương trình', minItems: 2, maxItems: 2, items: side },
    window: {
      title: 'Khoảng thời gian',
      oneOf: [
        {
          type: 'object',
          additionalProperties: false,
          required: ['years'],
          properties: { years: { type: 'integer', title: 'Số năm', minimum: 1, maximum: 50 } },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['months'],
          properties: { months: { type: 'integer', title: 'Số tháng', minimum: 1, maximum: 600 } },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['sameYear'],
          properties: { sameYear: { const: true, title: 'Cùng năm' } },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['whileOpen'],
          properties: { whileOpen: { const: true, title: 'Trong khi hồ sơ kia đang xử lý' } },
        },
      ],
    },
  },
} as const;

export const overlapRequestSchemas = {
  OverlapRulesRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['rules'],
    properties: { rules: { type: 'array', title: 'Quy tắc trùng đối tượng', maxItems: 100, items: overlapRule } },
  },
} as const;

export const overlapResponseSchemas = {
  OverlapRules: {
    type: 'object',
    additionalProperties: false,
    required: ['rules', 'custom'],
    properties: {
      rules: { type: 'array', items: overlapRule },
      custom: { ...boolean, description: 'false while the shipped defaults apply (none saved)' },
    },
  },
} as const;

/** The overlap part of a dossier's detail: computed at read time from the overlap index, and the override. */
export const dossierOverlap = {
  ...closedObject({
    overlaps: arrayOf(overlapItem),
    override: nullable(
      closedObject({
        reason: string,
        at: instant,
        by: closedObject({ userId: string, role: string, unitCode: string }),
      }),
    ),
  }),
  description:
    "Trùng đối tượng: the dossiers of the same household or person under an overlap rule (earlier or later), and the creator's override",
} as const;
