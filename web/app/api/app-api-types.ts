// The API's answers as the officer app reads them (see api/dossiers/create-dossier-router.ts presentDossier and
// api/inbox/create-inbox-router.ts). Types only.
import type { FormDefinition } from '../../../forms/form-definition';
import type { DecisionRecord, DossierStatus, SubmissionRef } from '../../../workflows/messages';
import type { Action, FactValue, Level, ProcessDefinition } from '../../../domain/process/process-definition';
import type { Timeliness } from '../../../domain/sla/timeliness';

export type { Action, DecisionRecord, DossierStatus, FactValue, FormDefinition, Level, ProcessDefinition, Timeliness };

export interface ApiFieldError {
  path: string;
  keyword: string;
  message: string;
}

export interface LocalizedText {
  vi: string;
  en: string;
}

export interface Dossier {
  id: string;
  processKey: string;
  processVersion: number;
  processTitle: LocalizedText;
  status: DossierStatus;
  outcome: string | null;
  timeliness: Timeliness | null;
  receivingUnit: string;
  units: Partial<Record<Level, string>>;
  openedAt: string;
  closedAt: string | null;
  currentStep: {
    id: string;
    title: LocalizedText;
    level: Level;
    role: string;
    form: string | null;
    processingUnit: string | null;
    startedAt: string | null;
    dueAt: string | null;
    actions: Action[];
  } | null;
  returnedFrom: string | null;
  facts: Record<string, FactValue>;
  submissions: Record<string, SubmissionRef>;
  applicant: Record<string, string | number | boolean | null>;
  history: DecisionRecord[];
  seq: number;
}

export interface InboxItem {
  id: string;
  processKey: string;
  processVersion: number;
  programme: string;
  status: DossierStatus;
  currentStep: string | null;
  currentRole: string | null;
  processingUnit: string | null;
  receivingUnit: string;
  stepStartedAt: string | null;
  dueAt: string | null;
  timeliness: Timeliness | null;
  applicant?: Record<string, string | number | boolean | null>;
}

export interface InboxPage {
  items: InboxItem[];
  nextCursor: string | null;
  /** First page only: matches of the programme and status filters, in all and per open timeliness. */
  counts?: { total: number; not_due: number; near_due: number; overdue: number; stopped: number };
}

/** The inbox's filters (query parameters of GET /api/inbox); an empty string means "all". */
export interface InboxFilters {
  /** One of the caller's units (only what waits there), for a user with grants in several. */
  unit: string;
  programme: string;
  status: '' | 'received' | 'in_progress' | 'awaiting_supplement';
  /** `stopped`: returned for supplement, the SLA clock stopped until the dossier comes back complete. */
  timeliness: '' | 'not_due' | 'near_due' | 'overdue' | 'stopped';
  /** Text search on the dossier code and the household head's name (the API ignores case and diacritics). */
  q: string;
}

export interface ProcessSummary {
  key: string;
  version: number;
  title: LocalizedText;
  programme: string;
  versions: number[];
}

export interface StoredSubmission {
  id: string;
  stepId: string;
  form: string;
  data: Record<string, unknown>;
  createdBy: { userId: string; role: string; unitCode: string };
  createdAt: string;
}

export interface LoginAnswer {
  token: string;
  expiresAt: string;
  user: { id: string; displayName: string; grants: { role: string; unitCode: string }[] };
}
