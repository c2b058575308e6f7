import { LEVELS } from '../domain/process/process-definition';
import { dossierStatus, timeliness, openCounts, recipient, applicantSummary } from './dossier-schema-parts';
import { arrayOf, closedObject } from './schema-builders';
import { boolean, instant, integer, nullableInstant, nullableString, string } from './schema-primitives';

/**
 * JSON Schemas of the answers about work waiting and deadlines: the inbox, reminders and escalations, pending
 * dossiers and the timeliness summary. Spread into responseSchemas (response-schemas.ts).
 */
export const slaResponseSchemas = {
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
          kind: {
            enum: ['reminder', 'escalation', 'loan_overdue'],
            description: 'loan_overdue: an instalment of the loan (GET /api/loans/{dossierId}) fell overdue',
          },
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
} as const;
