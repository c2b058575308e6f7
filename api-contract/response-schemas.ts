import { ACTIONS, LEVELS, OUTCOMES } from '../domain/process/process-definition';
import { CLOCK_ACTIONS } from '../domain/process/dossier-state';
import { AUDIT_PROBLEMS } from '../domain/audit/audit-problem';
import { CITIZEN_TIMELINESS } from '../domain/sla/citizen-timeliness';
import { bankStatementResponseSchemas } from './bank-statement-response-schemas';
import { dossierMoney } from './dossier-money-schema';
import { fundResponseSchemas } from './fund-response-schemas';
import { dossierOverlap, overlapOverrideRecord, overlapResponseSchemas } from './overlap-schemas';
import { planResponseSchemas } from './plan-response-schemas';
import { transferRecord, transitionResponseSchemas } from './transition-schemas';
import { dossierSignOff, signatureRecord } from './sign-off-schemas';
import { povertyRegisterResponseSchemas } from './poverty-register-response-schemas';
import { arrayOf, closedObject, mapOf, nullable } from './schema-builders';
import {
  boolean,
  day,
  instant,
  integer,
  level,
  localized,
  nullableDay,
  nullableInstant,
  nullableString,
  string,
} from './schema-primitives';

/**
 * JSON Schemas (2020-12) of the API's answers: the one source of the response types (api-types.ts derives them
 * with `FromSchema`), published as OpenAPI components, and checked against real answers by the integration test
 * (test/integration/openapi-conformance.test.ts). Where an answer carries a shape the domain owns (a decision
 * record, a status), the schema spells it out and domain-agreement.ts proves it equal to the domain's type.
 * Instants are ISO 8601 strings (`date-time`), days are `YYYY-MM-DD` (`date`) (schema-primitives.ts). The schemas of
 * one area have their own file (fund-response-schemas.ts, bank-statement-response-schemas.ts), spread in here.
 */

const action = { enum: ACTIONS } as const;
const outcome = { enum: [...OUTCOMES, null] } as const;
const dossierStatus = {
  enum: ['received', 'in_progress', 'awaiting_supplement', 'completed', 'rejected', 'withdrawn'],
} as const;
const timeliness = {
  enum: ['not_due', 'near_due', 'overdue', 'on_time', 'late', null],
  description:
    'open: not_due, near_due (most of the time used), overdue; closed: on_time or late; null without a due time',
} as const;
const openCounts = closedObject({
  total: integer,
  not_due: integer,
  near_due: integer,
  overdue: integer,
  stopped: integer,
});
const roleGrant = closedObject({ role: string, unitCode: string });
const actorRef = closedObject({ userId: string, role: string, unitCode: string });
const recipient = closedObject({ role: string, unitCode: string });
const submissionRef = closedObject({ id: string, form: { type: 'string', description: 'key@version' } });
const applicantSummary = mapOf({
  type: ['string', 'number', 'boolean', 'null'],
  description: "The definition's summary fields (e.g. the household head's name) from the submitted forms",
});

const decisionRecord = closedObject(
  {
    seq: integer,
    action: { enum: [...ACTIONS, 'create', ...CLOCK_ACTIONS, 'remind', 'escalate', 'transfer'] },
    fromStep: nullableString,
    toStep: nullableString,
    outcome: { enum: OUTCOMES },
    actor: actorRef,
    at: instant,
    comment: string,
    submission: submissionRef,
    stepDueAt: nullableInstant,
    onTime: boolean,
    to: nullable(recipient),
    stepTimeliness: { enum: ['early', 'on_time', 'late'] },
    previousDueAt: nullableInstant,
    newDueAt: nullableInstant,
    scope: { enum: ['step', 'dossier'] },
    notified: arrayOf(recipient),
    overlapOverride: overlapOverrideRecord,
    signOff: signatureRecord,
    transfer: transferRecord,
  },
  [
    'outcome',
    'comment',
    'submission',
    'stepDueAt',
    'onTime',
    'to',
    'stepTimeliness',
    'previousDueAt',
    'newDueAt',
    'scope',
    'notified',
    'overlapOverride',
    'signOff',
    'transfer',
  ],
);

/** What a decision answers (also each decided item of a bulk action), less the dossier id. */
const decideResultProperties = {
  seq: integer,
  status: dossierStatus,
  currentStep: nullableString,
  processingUnit: nullableString,
  dueAt: nullableInstant,
  outcome,
  overallDueAt: nullableInstant,
} as const;
const decideResult = closedObject(decideResultProperties, ['overallDueAt']);

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
    successor: nullableString,
  },
  ['nameEn'],
);

const currentUser = closedObject({ id: string, displayName: string, grants: arrayOf(roleGrant) });

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

const adminUser = closedObject({
  id: string,
  displayName: string,
  active: boolean,
  /** Locked after too many failed sign-ins, until an administrator unlocks it. */
  locked: boolean,
  grants: arrayOf(roleGrant),
});

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
  Dossier: closedObject(
    {
      id: string,
      processKey: string,
      processVersion: integer,
      processTitle: localized,
      status: dossierStatus,
      outcome,
      timeliness,
      receivingUnit: string,
      units: {
        ...closedObject({ province: string, district: string, commune: string }, ['province', 'district', 'commune']),
        description: "The receiving unit's chain: unit code per level, fixed at start",
      },
      openedAt: instant,
      closedAt: nullableInstant,
      currentStep: nullable(
        closedObject({
          id: string,
          title: localized,
          level,
          role: string,
          form: { type: ['string', 'null'], description: 'key@version of the step form' },
          processingUnit: nullableString,
          startedAt: nullableInstant,
          dueAt: nullableInstant,
          actions: { ...arrayOf(action), description: "The actions the step's transitions allow (to anyone)" },
        }),
      ),
      returnedFrom: nullableString,
      clock: {
        ...nullable(
          closedObject({
            overallDueAt: nullableInstant,
            reminderAt: nullableInstant,
            remindedAt: nullableInstant,
            escalatedAt: nullableInstant,
            stoppedAt: nullableInstant,
            supplementReturns: integer,
            extension: nullable(
              closedObject({ at: instant, reason: string, previousDueAt: instant, newDueAt: instant, by: actorRef }),
            ),
          }),
        ),
        description:
          'The SLA clock (null for a dossier whose run predates it): overall due time, reminder, stopped clock (stoppedAt), returns used, the extension',
      },
      facts: mapOf({ type: ['string', 'number', 'boolean'] }),
      submissions: { ...mapOf(submissionRef), description: 'The latest submission per step id' },
      applicant: applicantSummary,
      history: arrayOf(decisionRecord),
      seq: integer,
      money: dossierMoney,
      overlap: dossierOverlap,
      people: {
        ...arrayOf(closedObject({ userId: string, name: string })),
        description:
          "The full name of each person in the history (a portal's label for a dossier sent through an embedded form, 'Hệ thống' for the workflow's timers): what the app shows instead of usernames. A list, not a map: user ids hold dots, which a stored response (Idempotency-Key) cannot use as field names",
      },
      signOff: { ...dossierSignOff, description: 'Only at a sign-off step: who has signed and who is awaited' },
    },
    ['money', 'signOff'],
  ),
  DossierAccepted: {
    ...closedObject({ id: string, status: { const: 'processing' } }),
    description: 'The dossier is being started: read it at Location, or repeat with the same Idempotency-Key',
  },
  StoredSubmission: closedObject({
    id: string,
    stepId: string,
    form: { type: 'string', description: 'key@version the data was validated against' },
    data: { type: 'object' },
    createdBy: actorRef,
    createdAt: instant,
  }),
  DecisionResult: closedObject({ dossierId: string, ...decideResultProperties }, ['overallDueAt']),
  DecisionAccepted: {
    ...closedObject({ dossierId: string, seq: { type: 'null' }, status: { const: 'processing' }, updateId: string }),
    description: 'Still being applied: repeat with the same Idempotency-Key for the result',
  },
  BulkActionResult: closedObject({
    action,
    dryRun: boolean,
    total: integer,
    decided: integer,
    processing: integer,
    failed: integer,
    items: {
      type: 'array',
      description: 'One per dossier, in the order sent',
      items: {
        anyOf: [
          { ...closedObject({ dossierId: string, outcome: { const: 'ready' } }), description: 'dry run only' },
          closedObject({ dossierId: string, outcome: { const: 'decided' }, result: decideResult }),
          {
            ...closedObject({ dossierId: string, outcome: { const: 'processing' }, updateId: string }),
            description: 'send the request again with the same Idempotency-Key',
          },
          closedObject({
            dossierId: string,
            outcome: { const: 'failed' },
            error: closedObject({ status: integer, code: string, message: string }),
          }),
        ],
      },
    },
  }),
  ControlSlip: closedObject({
    dossierId: string,
    processKey: string,
    processVersion: integer,
    rows: arrayOf(
      closedObject({
        seq: integer,
        at: instant,
        from: closedObject({
          userId: string,
          name: { ...string, description: "The person's full name (a portal's label, 'Hệ thống' for a timer)" },
          role: string,
          unitCode: string,
          step: nullableString,
        }),
        to: {
          ...nullable(closedObject({ role: string, unitCode: string, step: nullableString })),
          description: 'null when the dossier closed',
        },
        action: decisionRecord.properties.action,
        result: localized,
        note: nullableString,
        stepDueAt: nullableInstant,
        timeliness: closedObject({ code: { enum: ['early', 'on_time', 'late'] }, text: localized }),
      }),
    ),
  }),
  InboxPage: closedObject(
    {
      items: arrayOf(
        closedObject(
          {
            id: string,
            processKey: string,
            processVersion: integer,
            programme: string,
            status: dossierStatus,
            currentStep: nullableString,
            currentRole: nullableString,
            processingUnit: nullableString,
            receivingUnit: string,
            stepStartedAt: nullableInstant,
            dueAt: nullableInstant,
            timeliness,
            amounts: closedObject(
              {
                requested: { type: ['number', 'null'] },
                approved: { type: ['number', 'null'] },
                disbursed: { type: ['number', 'null'] },
              },
              ['requested', 'approved', 'disbursed'],
            ),
            applicant: applicantSummary,
          },
          ['amounts', 'applicant'],
        ),
      ),
      nextCursor: nullableString,
      counts: {
        ...openCounts,
        description: 'First page only: matches of the programme and status filters, in all and per open timeliness',
      },
    },
    ['counts'],
  ),
  NotificationList: closedObject({
    items: arrayOf(
      closedObject(
        {
          id: string,
          dossierId: string,
          processKey: string,
          kind: { enum: ['reminder', 'escalation'] },
          scope: { enum: ['step', 'dossier'] },
          step: nullableString,
          dueAt: nullableInstant,
          recipient,
          at: instant,
          read: boolean,
          period: closedObject({
            month: { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' },
            unit: { enum: ['month', 'quarter'] },
          }),
        },
        ['period'],
      ),
    ),
    unread: integer,
  }),
  NotificationRead: closedObject({ id: string, read: { const: true } }),
  SlaPendingPage: closedObject({
    items: arrayOf(
      closedObject({
        id: string,
        processKey: string,
        programme: string,
        status: dossierStatus,
        currentStep: nullableString,
        waitingFor: closedObject({ unit: nullableString, role: nullableString, level: { enum: [...LEVELS, null] } }),
        receivingUnit: string,
        stepStartedAt: nullableInstant,
        dueAt: nullableInstant,
        overallDueAt: nullableInstant,
        clockStoppedAt: nullableInstant,
        timeliness,
      }),
    ),
    nextCursor: nullableString,
  }),
  SlaSummary: closedObject({
    units: arrayOf(string),
    at: instant,
    pending: arrayOf(
      closedObject({
        unit: string,
        level: string,
        programme: string,
        status: string,
        total: integer,
        not_due: integer,
        near_due: integer,
        overdue: integer,
        stopped: integer,
      }),
    ),
    totals: openCounts,
    finished: closedObject({
      from: instant,
      to: instant,
      items: {
        ...arrayOf(
          closedObject({
            unit: nullableString,
            processKey: string,
            onTime: integer,
            late: integer,
            onTimeRate: { type: ['number', 'null'] },
          }),
        ),
        description: 'Per procedure (unit null), or per receiving unit and procedure with finishedBy=unit',
      },
      byMonth: {
        ...arrayOf(
          closedObject({
            month: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}$' },
            processKey: string,
            onTime: integer,
            late: integer,
            onTimeRate: { type: ['number', 'null'] },
          }),
        ),
        description: 'Per month (yyyy-mm, Việt Nam time) and procedure; only months with finished dossiers',
      },
    }),
  }),
  UnitList: closedObject(
    {
      at: nullableDay,
      under: nullableString,
      area: { type: 'string', description: 'embed only: the province whose units are listed' },
      items: arrayOf(unitItem),
    },
    ['area'],
  ),
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
  ...fundResponseSchemas,
  ...overlapResponseSchemas,
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
  StoredFile: closedObject({
    fileId: { type: 'string', description: 'Reference it from form data' },
    contentType: { type: 'string', description: 'image/jpeg, image/png, image/webp or application/pdf' },
    size: integer,
    sha256: string,
    fileName: nullableString,
  }),
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
        at: instant,
      }),
    ),
  }),
  ...bankStatementResponseSchemas,
  ...planResponseSchemas,
  ...transitionResponseSchemas,
  ...povertyRegisterResponseSchemas,
} as const;
