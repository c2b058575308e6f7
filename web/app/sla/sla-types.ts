// The SLA API's answers as the dashboard reads them (see api/sla/create-sla-router.ts). Types only.
import type { Level, Timeliness } from '../api/app-api-types';

/** The timeliness of an open dossier; `stopped`: returned for supplement, the clock stopped. */
export type OpenTimeliness = 'not_due' | 'near_due' | 'overdue' | 'stopped';

export interface SlaSummary {
  units: string[];
  at: string;
  pending: ({ unit: string; level: string; programme: string; status: string; total: number } & Record<
    OpenTimeliness,
    number
  >)[];
  totals: Record<OpenTimeliness | 'total', number>;
  finished: {
    from: string;
    to: string;
    /** Per procedure (`unit` null), or per receiving unit and procedure with `finishedBy=unit`. */
    items: { unit: string | null; processKey: string; onTime: number; late: number; onTimeRate: number | null }[];
    /** Per month (`yyyy-mm`, Việt Nam time) and procedure; only months with finished dossiers. */
    byMonth: { month: string; processKey: string; onTime: number; late: number; onTimeRate: number | null }[];
  };
}

export interface SlaPendingItem {
  id: string;
  processKey: string;
  programme: string;
  status: string;
  currentStep: string | null;
  waitingFor: { unit: string | null; role: string | null; level: Level | null };
  receivingUnit: string;
  stepStartedAt: string | null;
  dueAt: string | null;
  overallDueAt: string | null;
  clockStoppedAt: string | null;
  timeliness: Timeliness | null;
}

export interface SlaPendingPage {
  items: SlaPendingItem[];
  nextCursor: string | null;
}
