import type { FromSchema } from 'json-schema-to-ts';
import type { requestSchemas } from './request-schemas';
import type { responseSchemas } from './response-schemas';
import type { paymentResponseSchemas } from './payment-response-schemas';
import type { reportResponseSchemas } from './report-response-schemas';
import type { loanSchemas } from './loan-schemas';

/**
 * The TypeScript types of the API's answers, derived from their JSON Schemas: the API's presenters return them
 * and the web app reads them, so a field renamed in a schema fails the type check on both sides, and the OpenAPI
 * document (built from the same schemas) cannot drift from either. Types only.
 */
type Response<Name extends keyof typeof responseSchemas> = FromSchema<(typeof responseSchemas)[Name]>;

export type PaymentOrderPage = FromSchema<typeof paymentResponseSchemas.PaymentOrderPage>;
export type PaymentOrderItem = PaymentOrderPage['items'][number];
export type BankStatementJob = FromSchema<typeof paymentResponseSchemas.BankStatementJob>;
export type BankLineReportItem = NonNullable<BankStatementJob['lines']>[number];

export type ApiError = FromSchema<typeof requestSchemas.Error>;
export type ApiFieldError = ApiError['error']['fields'][number];

export type LoginResponse = Response<'LoginResponse'>;
export type CurrentUser = Response<'CurrentUser'>;
export type AuthConfig = Response<'AuthConfig'>;
export type RoleGrant = CurrentUser['grants'][number];
export type ProcessSummary = Response<'ProcessSummary'>;
export type ProcessList = Response<'ProcessList'>;

export type Dossier = Response<'Dossier'>;
export type DossierStep = NonNullable<Dossier['currentStep']>;
export type DossierAccepted = Response<'DossierAccepted'>;
export type StoredSubmission = Response<'StoredSubmission'>;
export type DecisionResult = Response<'DecisionResult'>;
export type DecisionAccepted = Response<'DecisionAccepted'>;
export type BulkActionResult = Response<'BulkActionResult'>;
export type BulkActionItem = BulkActionResult['items'][number];
export type ControlSlip = Response<'ControlSlip'>;
export type BankStatementReport = Response<'BankStatementReport'>;
export type ControlSlipRow = ControlSlip['rows'][number];

export type InboxPage = Response<'InboxPage'>;
export type InboxItem = InboxPage['items'][number];
export type NotificationList = Response<'NotificationList'>;
export type NotificationItem = NotificationList['items'][number];
export type NotificationRead = Response<'NotificationRead'>;
export type SlaPendingPage = Response<'SlaPendingPage'>;
export type SlaPendingItem = SlaPendingPage['items'][number];
export type SlaSummary = Response<'SlaSummary'>;

export type UnitList = Response<'UnitList'>;
export type UnitItem = UnitList['items'][number];
export type AdminUnit = Response<'AdminUnit'>;
export type TransitionPlan = Response<'TransitionPlan'>;
export type TransitionReport = Response<'TransitionReport'>;
export type TransitionReportEntry = TransitionReport['entries'][number];
export type TransitionPlanList = Response<'TransitionPlanList'>;
export type TransitionReportList = Response<'TransitionReportList'>;
export type AdminUser = Response<'AdminUser'>;
export type Fund = Response<'Fund'>;
export type FundList = Response<'FundList'>;
export type FundListItem = FundList['items'][number];
export type FundChoiceList = Response<'FundChoiceList'>;
export type FundChoice = FundChoiceList['items'][number];
export type FundBalance = Response<'FundBalance'>;
export type FundLedger = Response<'FundLedger'>;
export type LedgerEntry = Response<'LedgerEntry'>;
export type FundSummary = Response<'FundSummary'>;
export type FundSummaryFigures = FundSummary['total'];
export type AdminUserList = Response<'AdminUserList'>;
export type AdminEventList = Response<'AdminEventList'>;
export type AttentionList = Response<'AttentionList'>;
export type AuditVerification = Response<'AuditVerification'>;
export type EmbedToken = Response<'EmbedToken'>;
export type CitizenStatus = Response<'CitizenStatus'>;
export type PublishedVersionList = Response<'PublishedVersionList'>;
export type PublishedVersion = PublishedVersionList['items'][number];
export type PublishResult = Response<'PublishResult'>;
export type DefinitionDiff = Response<'DefinitionDiff'>;
export type CalendarYearAnswer = Response<'CalendarYear'>;
export type CalendarEditList = Response<'CalendarEditList'>;
export type CalendarEdit = CalendarEditList['items'][number];
export type EmbedTokenList = Response<'EmbedTokenList'>;
export type StoredFile = Response<'StoredFile'>;

export type OverlapRules = Response<'OverlapRules'>;
export type OverlapItem = NonNullable<ApiError['error']['overlaps']>[number];
export type DossierOverlap = Dossier['overlap'];
export type Plan = Response<'Plan'>;
export type PlanList = Response<'PlanList'>;
export type PlanTarget = Plan['targets'][number];
export type PlanDetail = Response<'PlanDetail'>;
export type PlanRevision = PlanDetail['revisions'][number];
export type PlanProgress = Response<'PlanProgress'>;
export type PlanTargetProgress = PlanProgress['targets'][number];
export type PlanSourceList = Response<'PlanSourceList'>;
export type PovertyRegister = Response<'PovertyRegister'>;
export type PovertyRegisterSummary = Response<'PovertyRegisterSummary'>;
export type PovertyRegisterRows = Response<'PovertyRegisterRows'>;
export type SupportReportResponse = FromSchema<typeof reportResponseSchemas.SupportReport>;
export type CampaignFiguresResponse = FromSchema<typeof reportResponseSchemas.CampaignFigures>;

export type LoanEntry = FromSchema<typeof loanSchemas.LoanEntry>;
export type LoanLedgerResponse = FromSchema<typeof loanSchemas.LoanLedger>;
export type LoanReportResponse = FromSchema<typeof loanSchemas.LoanReport>;
