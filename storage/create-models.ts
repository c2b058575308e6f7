import type { Connection, Model } from 'mongoose';
import { adminEventSchema, type AdminEventDoc } from './admin-event-schema';
import { auditEntrySchema, type AuditEntryDoc } from './audit-entry-schema';
import { auditLinkSchema, type AuditLinkDoc } from './audit-link-schema';
import {
  calendarEditSchema,
  calendarYearSchema,
  type CalendarEditDoc,
  type CalendarYearDoc,
} from './calendar-year-schema';
import { counterSchema, type CounterDoc } from './counter-schema';
import { dossierViewSchema, type DossierViewDoc } from './dossier-view-schema';
import { citizenLookupSchema, type CitizenLookupDoc } from './citizen-lookup-schema';
import { embedTokenSchema, type EmbedTokenDoc } from './embed-token-schema';
import { fundSchema, type FundDoc } from './fund-schema';
import { bankStatementLineSchema, type BankStatementLineDoc } from './bank-statement-line-schema';
import { bankLineDecisionSchema, type BankLineDecisionDoc } from './bank-line-decision-schema';
import { bankStatementJobSchema, type BankStatementJobDoc } from './bank-statement-job-schema';
import { formDefinitionSchema, type FormDefinitionDoc } from './form-definition-schema';
import { idempotencyRecordSchema, type IdempotencyRecordDoc } from './idempotency-record-schema';
import { ledgerEntrySchema, type LedgerEntryDoc } from './ledger-entry-schema';
import { loanEntrySchema, type LoanEntryDoc } from './loan-entry-schema';
import { notificationSchema, type NotificationDoc } from './notification-schema';
import { paymentOrderSchema, type PaymentOrderDoc } from './payment-order-schema';
import { processDefinitionSchema, type ProcessDefinitionDoc } from './process-definition-schema';
import { rateWindowSchema, type RateWindowDoc } from './rate-window-schema';
import { securityEventSchema, type SecurityEventDoc } from './security-event-schema';
import { sessionSchema, type SessionDoc } from './session-schema';
import { slaCounterSchema, type SlaCounterDoc } from './sla-counter-schema';
import { settingSchema, type SettingDoc } from './setting-schema';
import { fileBlobSchema, storedFileSchema, type FileBlobDoc, type StoredFileDoc } from './stored-file-schema';
import { submissionSchema, type SubmissionDoc } from './submission-schema';
import { unitSchema, type UnitDoc } from './unit-schema';
import { userSchema, type UserDoc } from './user-schema';
import { overlapKeySchema, type OverlapKeyDoc } from './overlap-key-schema';
import { planRevisionSchema, type PlanRevisionDoc } from './plan-revision-schema';
import { povertyRegisterSchema, type PovertyRegisterDoc } from './poverty-register-schema';
import { transitionPlanSchema, type TransitionPlanDoc } from './transition-plan-schema';
import { transitionReportSchema, type TransitionReportDoc } from './transition-report-schema';

/** Binds every schema to one connection (so tests can use one database each). */
export function createModels(connection: Connection) {
  return {
    Unit: connection.model<UnitDoc>('Unit', unitSchema),
    User: connection.model<UserDoc>('User', userSchema),
    Session: connection.model<SessionDoc>('Session', sessionSchema),
    ProcessDefinition: connection.model<ProcessDefinitionDoc>('ProcessDefinition', processDefinitionSchema),
    FormDefinition: connection.model<FormDefinitionDoc>('FormDefinition', formDefinitionSchema),
    Submission: connection.model<SubmissionDoc>('Submission', submissionSchema),
    DossierView: connection.model<DossierViewDoc>('DossierView', dossierViewSchema),
    AuditEntry: connection.model<AuditEntryDoc>('AuditEntry', auditEntrySchema),
    IdempotencyRecord: connection.model<IdempotencyRecordDoc>('IdempotencyRecord', idempotencyRecordSchema),
    Counter: connection.model<CounterDoc>('Counter', counterSchema),
    EmbedToken: connection.model<EmbedTokenDoc>('EmbedToken', embedTokenSchema),
    CitizenLookup: connection.model<CitizenLookupDoc>('CitizenLookup', citizenLookupSchema),
    Setting: connection.model<SettingDoc>('Setting', settingSchema),
    StoredFile: connection.model<StoredFileDoc>('StoredFile', storedFileSchema),
    FileBlob: connection.model<FileBlobDoc>('FileBlob', fileBlobSchema),
    CalendarYear: connection.model<CalendarYearDoc>('CalendarYear', calendarYearSchema),
    CalendarEdit: connection.model<CalendarEditDoc>('CalendarEdit', calendarEditSchema),
    AdminEvent: connection.model<AdminEventDoc>('AdminEvent', adminEventSchema),
    Notification: connection.model<NotificationDoc>('Notification', notificationSchema),
    SlaCounter: connection.model<SlaCounterDoc>('SlaCounter', slaCounterSchema),
    RateWindow: connection.model<RateWindowDoc>('RateWindow', rateWindowSchema),
    SecurityEvent: connection.model<SecurityEventDoc>('SecurityEvent', securityEventSchema),
    AuditLink: connection.model<AuditLinkDoc>('AuditLink', auditLinkSchema),
    Fund: connection.model<FundDoc>('Fund', fundSchema),
    LedgerEntry: connection.model<LedgerEntryDoc>('LedgerEntry', ledgerEntrySchema),
    LoanEntry: connection.model<LoanEntryDoc>('LoanEntry', loanEntrySchema),
    PaymentOrder: connection.model<PaymentOrderDoc>('PaymentOrder', paymentOrderSchema),
    BankStatementLine: connection.model<BankStatementLineDoc>('BankStatementLine', bankStatementLineSchema),
    BankLineDecision: connection.model<BankLineDecisionDoc>('BankLineDecision', bankLineDecisionSchema),
    BankStatementJob: connection.model<BankStatementJobDoc>('BankStatementJob', bankStatementJobSchema),
    OverlapKey: connection.model<OverlapKeyDoc>('OverlapKey', overlapKeySchema),
    PlanRevision: connection.model<PlanRevisionDoc>('PlanRevision', planRevisionSchema),
    PovertyRegister: connection.model<PovertyRegisterDoc>('PovertyRegister', povertyRegisterSchema),
    TransitionPlan: connection.model<TransitionPlanDoc>('TransitionPlan', transitionPlanSchema),
    TransitionReport: connection.model<TransitionReportDoc>('TransitionReport', transitionReportSchema),
  };
}

/** Every model of the system, bound to one connection. */
export type Models = ReturnType<typeof createModels>;

/** Builds every declared index; safe to repeat. Run at start-up by the seed and by tests. */
export async function syncIndexes(models: Models): Promise<void> {
  for (const model of Object.values(models)) await (model as unknown as Model<unknown>).createIndexes();
}
