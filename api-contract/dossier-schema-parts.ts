import { ACTIONS, OUTCOMES } from '../domain/process/process-definition';
import { closedObject, mapOf } from './schema-builders';
import { day, integer, string } from './schema-primitives';

/** Parts of the answers about dossiers that several areas' schemas share (dossiers, inbox, SLA, users). */

export const action = { enum: ACTIONS } as const;
export const outcome = { enum: [...OUTCOMES, null] } as const;
export const dossierStatus = {
  enum: ['received', 'in_progress', 'awaiting_supplement', 'completed', 'rejected', 'withdrawn'],
} as const;
export const timeliness = {
  enum: ['not_due', 'near_due', 'overdue', 'on_time', 'late', null],
  description:
    'open: not_due, near_due (most of the time used), overdue; closed: on_time or late; null without a due time',
} as const;
export const openCounts = closedObject({
  total: integer,
  not_due: integer,
  near_due: integer,
  overdue: integer,
  stopped: integer,
});
export const roleGrant = closedObject({ role: string, unitCode: string, from: day }, ['from']);
export const actorRef = closedObject({ userId: string, role: string, unitCode: string });
export const recipient = closedObject({ role: string, unitCode: string });
export const submissionRef = closedObject({ id: string, form: { type: 'string', description: 'key@version' } });
export const applicantSummary = mapOf({
  type: ['string', 'number', 'boolean', 'null'],
  description: "The definition's summary fields (e.g. the household head's name) from the submitted forms",
});
