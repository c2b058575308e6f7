import { arrayOf, closedObject, nullable } from './schema-builders';
import { boolean, day, instant, integer, localized, nullableString, string } from './schema-primitives';

/**
 * The request and response schemas of transition plans (docs/transition-plans.md), spread into requestSchemas and
 * responseSchemas.
 */

const unitCodeField = (title: string) => ({ type: 'string', title, format: 'unit-code' }) as const;
const processKeyField = { type: 'string', title: 'Quy trình', minLength: 1, maxLength: 100 } as const;
const versionField = { type: 'integer', title: 'Phiên bản', minimum: 1, maximum: 10_000 } as const;
const stepField = { type: 'string', title: 'Bước', minLength: 1, maxLength: 100 } as const;

const stepRef = (title: string) =>
  ({
    type: 'object',
    title,
    additionalProperties: false,
    required: ['processKey', 'processVersion', 'step'],
    properties: { processKey: processKeyField, processVersion: versionField, step: stepField },
  }) as const;

export const transitionRequestSchemas = {
  TransitionPlanRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'legalBasis', 'reformDate', 'definitionMapping'],
    properties: {
      name: { type: 'string', title: 'Tên phương án', minLength: 1, maxLength: 200, pattern: '^\\S(.*\\S)?$' },
      legalBasis: { type: 'string', title: 'Căn cứ pháp lý', minLength: 1, maxLength: 500, pattern: '^\\S(.*\\S)?$' },
      reformDate: { type: 'string', title: 'Ngày sắp xếp có hiệu lực', format: 'date' },
      unitMapping: {
        type: 'array',
        title: 'Đơn vị cũ → đơn vị mới',
        description: 'absent units follow their successor links',
        maxItems: 500,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['from', 'to'],
          properties: { from: unitCodeField('Đơn vị cũ'), to: unitCodeField('Đơn vị mới') },
        },
      },
      definitionMapping: {
        type: 'array',
        title: 'Bước cũ → bước tương ứng',
        minItems: 1,
        maxItems: 200,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['from', 'to'],
          properties: { from: stepRef('Bước cũ'), to: stepRef('Bước mới') },
        },
      },
      finishOnOld: {
        type: 'array',
        title: 'Hồ sơ giải quyết tiếp trên quy trình cũ',
        maxItems: 1000,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['dossierId', 'unitCode'],
          properties: {
            dossierId: { type: 'string', title: 'Mã hồ sơ', minLength: 1, maxLength: 60 },
            unitCode: unitCodeField('Đơn vị giải quyết'),
          },
        },
      },
    },
  },
} as const;

/** A `transfer` history record's move (TransferRecord in domain/process/dossier-state.ts). */
export const transferRecord = closedObject({
  transferId: string,
  from: closedObject({ processKey: string, processVersion: integer, step: nullableString, unitCode: nullableString }),
  to: closedObject({ processKey: string, processVersion: integer, step: string, unitCode: string }),
});

const stepRefOut = closedObject({ processKey: string, processVersion: integer, step: string });
const place = closedObject({
  processKey: string,
  processVersion: integer,
  step: nullableString,
  unitCode: nullableString,
});

const transitionPlan = closedObject({
  id: string,
  name: string,
  legalBasis: string,
  reformDate: day,
  unitMapping: arrayOf(closedObject({ from: string, to: string })),
  definitionMapping: arrayOf(closedObject({ from: stepRefOut, to: stepRefOut })),
  finishOnOld: arrayOf(closedObject({ dossierId: string, unitCode: string })),
  createdBy: { ...string, description: 'the display name of the administrator who prepared it' },
  createdAt: instant,
  executed: { ...boolean, description: 'the plan has been carried out at least once' },
});

const reportEntry = closedObject(
  {
    dossierId: string,
    from: place,
    action: {
      enum: ['move', 'finish_on_old', 'blocked', 'already_moved'],
      description:
        'move: to the equivalent step on the new chain; finish_on_old: stays on its definition, the named unit finishes it; blocked: a problem stops it (see problems); already_moved: moved by an earlier run',
    },
    to: nullable(place),
    problems: arrayOf(closedObject({ code: string, message: localized })),
    result: {
      enum: ['moved', 'unchanged', 'failed'],
      description: 'execute only: moved now, already carried by an earlier run, or refused by the dossier',
    },
  },
  ['result'],
);

const transitionReport = closedObject({
  id: string,
  planId: string,
  kind: { enum: ['dry_run', 'execute'] },
  at: instant,
  by: { ...string, description: 'the display name of the administrator who ran it' },
  counts: closedObject({
    dossiers: integer,
    move: integer,
    finishOnOld: integer,
    blocked: integer,
    alreadyMoved: integer,
    failed: integer,
  }),
  entries: arrayOf(reportEntry),
});

export const transitionResponseSchemas = {
  TransitionPlan: transitionPlan,
  TransitionReport: transitionReport,
} as const;
