import type { DatedEntry, OfficeInterval } from '../domain/calendar/calendar-year';
import type { FundFigures } from '../domain/funds/fund-figures';
import type {
  DecideResult,
  DecisionRecord,
  DossierState,
  DossierStatus,
  SubmissionRef,
} from '../domain/process/dossier-state';
import type { Action, FactValue, Level, LocalizedText, Outcome } from '../domain/process/process-definition';
import type { OpenTimeliness, Timeliness } from '../domain/sla/timeliness';
import type { StructuralChange } from '../forms/structural-diff';
import type {
  BulkActionItem,
  CalendarYearAnswer,
  DecisionResult,
  DefinitionDiff,
  Dossier,
  DossierStep,
  FundSummaryFigures,
  InboxPage,
  SlaPendingItem,
  SlaSummary,
} from './api-types';

/**
 * Where an answer carries a shape the domain owns, its schema spells the shape out for the OpenAPI document; these
 * compile-time checks prove each spelled-out shape equal to the domain's type, so neither can change alone
 * (`npm run typecheck` fails, naming the line). Types only: nothing here runs.
 */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Agree<T extends true> = T;
/** Both ways assignable: for a derived type whose properties equal the domain's but are spelled differently. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export type DomainAgreement = [
  Agree<Equal<Dossier['status'], DossierStatus>>,
  Agree<Equal<Dossier['outcome'], Outcome | null>>,
  Agree<Equal<Dossier['timeliness'], Timeliness | null>>,
  Agree<Equal<Dossier['processTitle'], LocalizedText>>,
  Agree<Equal<Dossier['units'], DossierState['units']>>,
  Agree<Equal<Dossier['facts'], Record<string, FactValue>>>,
  Agree<Equal<Dossier['submissions'], Record<string, SubmissionRef>>>,
  Agree<Equal<Dossier['history'][number], DecisionRecord>>,
  Agree<Equal<DossierStep['level'], Level>>,
  Agree<Equal<DossierStep['actions'], Action[]>>,
  Agree<Same<Omit<DecisionResult, 'dossierId'>, DecideResult>>,
  Agree<Same<Extract<BulkActionItem, { outcome: 'decided' }>['result'], DecideResult>>,
  Agree<Equal<InboxPage['items'][number]['status'], DossierStatus>>,
  Agree<Equal<keyof NonNullable<InboxPage['counts']>, 'total' | OpenTimeliness>>,
  Agree<Equal<keyof SlaSummary['totals'], 'total' | OpenTimeliness>>,
  Agree<Equal<SlaPendingItem['waitingFor']['level'], Level | null>>,
  Agree<Equal<DefinitionDiff['changes'][number], StructuralChange>>,
  Agree<Equal<CalendarYearAnswer['daysOff'][number], DatedEntry>>,
  Agree<Equal<CalendarYearAnswer['officeHours'][number], OfficeInterval>>,
  Agree<Same<FundSummaryFigures, FundFigures>>,
];
