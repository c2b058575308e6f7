import { ACTIONS, OUTCOMES } from '../domain/process/process-definition';
import { CLOCK_ACTIONS } from '../domain/process/dossier-state';
import { dossierMoney } from './dossier-money-schema';
import { dossierOverlap, overlapOverrideRecord } from './overlap-schemas';
import { transferRecord } from './transition-schemas';
import { dossierSignOff, signatureRecord } from './sign-off-schemas';
import {
  action,
  outcome,
  dossierStatus,
  timeliness,
  actorRef,
  recipient,
  submissionRef,
  applicantSummary,
} from './dossier-schema-parts';
import { arrayOf, closedObject, mapOf, nullable } from './schema-builders';
import {
  boolean,
  instant,
  integer,
  level,
  localized,
  nullableInstant,
  nullableString,
  string,
} from './schema-primitives';

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
    receivedAt: instant,
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
    'receivedAt',
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

/**
 * JSON Schemas of the answers about one dossier: the dossier, its submissions, decisions (one or a list) and its
 * processing-control slip. Spread into responseSchemas (response-schemas.ts).
 */
export const dossierResponseSchemas = {
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
      closedObject(
        {
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
          enteredAt: { ...instant, description: 'The create row of a dossier received on paper: when it was entered' },
        },
        ['enteredAt'],
      ),
    ),
  }),
} as const;
