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
const usernameField = { type: 'string', title: 'Tên đăng nhập', minLength: 1, maxLength: 64 } as const;
const roleField = { type: 'string', title: 'Vai trò', pattern: '^[a-z][a-z0-9_]{1,49}$' } as const;

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
      definitionsEnd: {
        type: 'array',
        title: 'Quy trình thôi nhận hồ sơ mới',
        description: 'a process (every published version, or one) whose last day for new dossiers is lastDay',
        maxItems: 200,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['processKey', 'lastDay'],
          properties: {
            processKey: processKeyField,
            processVersion: versionField,
            lastDay: { type: 'string', title: 'Ngày cuối cùng nhận hồ sơ mới', format: 'date' },
          },
        },
      },
      definitionsStart: {
        type: 'array',
        title: 'Quy trình bắt đầu nhận hồ sơ',
        maxItems: 200,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['processKey', 'processVersion', 'firstDay'],
          properties: {
            processKey: processKeyField,
            processVersion: versionField,
            firstDay: { type: 'string', title: 'Ngày đầu tiên nhận hồ sơ', format: 'date' },
          },
        },
      },
      grantsEnd: {
        type: 'array',
        title: 'Vai trò chấm dứt',
        description:
          'every grant at unitCode, narrowed to a username and/or a role when given; absent: every grant at each unit the plan retires',
        maxItems: 1000,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['unitCode'],
          properties: { unitCode: unitCodeField('Đơn vị'), username: usernameField, role: roleField },
        },
      },
      grantsStart: {
        type: 'array',
        title: 'Vai trò được giao',
        maxItems: 1000,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['username', 'role', 'unitCode', 'from'],
          properties: {
            username: usernameField,
            role: roleField,
            unitCode: unitCodeField('Đơn vị'),
            from: { type: 'string', title: 'Có hiệu lực từ ngày', format: 'date' },
          },
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
  definitionsEnd: arrayOf(closedObject({ processKey: string, processVersion: nullable(integer), lastDay: day })),
  definitionsStart: arrayOf(closedObject({ processKey: string, processVersion: integer, firstDay: day })),
  grantsEnd: arrayOf(closedObject({ unitCode: string, username: nullableString, role: nullableString })),
  grantsStart: arrayOf(closedObject({ username: string, role: string, unitCode: string, from: day })),
  createdBy: { ...string, description: 'the display name of the administrator who prepared it' },
  createdAt: instant,
  executed: { ...boolean, description: 'the plan has been carried out at least once' },
  run: {
    ...nullable(
      closedObject({
        reportId: { ...string, description: 'the report the run stores when it finishes' },
        kind: { enum: ['dry_run', 'execute'] },
        state: { enum: ['running', 'finished', 'failed'] },
        done: { ...integer, description: 'dossiers done so far, out of total' },
        total: { ...integer, description: 'the open dossiers the run found' },
        startedAt: instant,
        finishedAt: nullable(instant),
        by: { ...string, description: 'the display name of the administrator who ran it' },
      }),
    ),
    description:
      'the latest dry run or execution (null before the first); while one runs, reading the plan follows its progress',
  },
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

const offered = closedObject({ effectiveFrom: day, effectiveTo: day }, ['effectiveFrom', 'effectiveTo']);

/** What a plan does to one definition version's offered dates (docs/transition-plans.md). */
const definitionEntry = closedObject(
  {
    processKey: string,
    processVersion: integer,
    title: localized,
    change: { enum: ['end', 'start'] },
    before: { ...offered, description: 'the dates new dossiers may start on it, before the plan' },
    after: { ...offered, description: 'and after it (a plan only narrows the published dates)' },
    result: {
      enum: ['applied', 'unchanged'],
      description: 'execute only: the dates were narrowed now, or already were',
    },
  },
  ['result'],
);

/** One grant a plan ends or starts. */
const grantEntry = closedObject(
  {
    change: { enum: ['end', 'start'] },
    username: string,
    displayName: { ...string, description: 'the name shown to administrators' },
    role: string,
    unitCode: string,
    unitName: string,
    from: nullable(day),
    problems: arrayOf(closedObject({ code: string, message: localized })),
    result: {
      enum: ['ended', 'started', 'unchanged', 'failed'],
      description: 'execute only: changed now, already so (an earlier run or another administrator), or refused',
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
  definitions: arrayOf(definitionEntry),
  grants: arrayOf(grantEntry),
});

export const transitionResponseSchemas = {
  TransitionPlan: transitionPlan,
  TransitionReport: transitionReport,
  TransitionPlanList: closedObject({ items: arrayOf(transitionPlan) }),
  TransitionReportList: closedObject({ items: arrayOf(transitionReport) }),
} as const;
