import type { Models } from '../../../storage/create-models';
import { recountSlaCounters } from '../../../read-model/sla/recount-sla-counters';
import { parseOpenEntry } from '../../../read-model/sla/sla-counter-contributions';
import { OPEN_TIMELINESS, type OpenTimeliness } from '../../../domain/sla/timeliness';
import { topmostUnits } from '../../../api/sla/topmost-units';
import { finishedMonths } from '../../../api/sla/finished-months';

export type PendingRow = { unit: string; level: string; programme: string; status: string } & Record<
  OpenTimeliness | 'total',
  number
>;

export interface SummaryLike {
  units: string[];
  pending: PendingRow[];
  totals: Record<OpenTimeliness | 'total', number>;
  finished: {
    from: string;
    to: string;
    byMonth: { month: string; processKey: string; onTime: number; late: number }[];
  };
}

/**
 * What `GET /api/sla/summary` must answer, counted again from the dossiers' read-model documents
 * (recountSlaCounters reads every document and writes nothing) instead of read from the counters the projection
 * maintains: a counter that missed or doubled a change makes the two differ. `answered` is the API's answer, for its
 * scope (`units`) and period.
 */
export async function recountedSlaSummary(models: Models, answered: SummaryLike): Promise<SummaryLike> {
  const { counters, owed } = await recountSlaCounters(models);
  if (owed.length > 0) throw new Error(`${owed.length} read-model documents still owe counter updates`);
  const scopes = new Set(await topmostUnits(models, answered.units));
  const rows = new Map<string, PendingRow>();
  const months = new Set(finishedMonths(new Date(answered.finished.from), new Date(answered.finished.to)).months);
  const byMonth = new Map<string, { month: string; processKey: string; onTime: number; late: number }>();
  for (const counter of counters.values()) {
    if (!scopes.has(String(counter.scope))) continue;
    if (counter.kind === 'open') {
      for (const [entryKey, n] of Object.entries((counter.c ?? {}) as Record<string, number>)) {
        const e = parseOpenEntry(entryKey);
        if (!e) throw new Error(`a recount wrote an unreadable entry ${entryKey}`);
        const unit = String(counter.processingUnit);
        const id = JSON.stringify([unit, e.level, e.programme, e.status]);
        const row = rows.get(id) ?? {
          unit,
          level: e.level,
          programme: e.programme,
          status: e.status,
          not_due: 0,
          near_due: 0,
          overdue: 0,
          stopped: 0,
          total: 0,
        };
        row[e.bucket] += n;
        row.total += n;
        rows.set(id, row);
      }
    } else if (counter.kind === 'finished' && counter.receivingUnit === '*') {
      const perMonth = (counter.m ?? {}) as Record<string, { onTime?: number; late?: number }>;
      for (const [month, c] of Object.entries(perMonth)) {
        if (!months.has(month)) continue;
        const id = `${month}\u0000${String(counter.processKey)}`;
        const row = byMonth.get(id) ?? { month, processKey: String(counter.processKey), onTime: 0, late: 0 };
        row.onTime += c.onTime ?? 0;
        row.late += c.late ?? 0;
        byMonth.set(id, row);
      }
    }
  }
  const pending = [...rows.values()].sort(
    (a, b) =>
      a.unit.localeCompare(b.unit) ||
      a.programme.localeCompare(b.programme) ||
      a.level.localeCompare(b.level) ||
      a.status.localeCompare(b.status),
  );
  const totals = { total: 0, not_due: 0, near_due: 0, overdue: 0, stopped: 0 };
  for (const row of pending) for (const t of [...OPEN_TIMELINESS, 'total'] as const) totals[t] += row[t];
  return {
    units: answered.units,
    pending,
    totals,
    finished: {
      from: answered.finished.from,
      to: answered.finished.to,
      byMonth: [...byMonth.values()].sort(
        (a, b) => a.month.localeCompare(b.month) || a.processKey.localeCompare(b.processKey),
      ),
    },
  };
}

/** The parts of a summary the recount compares, in one order (the API sorts its rows by unit and programme only). */
export function comparable(summary: SummaryLike) {
  const pending = [...summary.pending].sort(
    (a, b) =>
      a.unit.localeCompare(b.unit) ||
      a.programme.localeCompare(b.programme) ||
      a.level.localeCompare(b.level) ||
      a.status.localeCompare(b.status),
  );
  return {
    pending: pending.map(({ unit, level, programme, status, not_due, near_due, overdue, stopped, total }) => ({
      unit,
      level,
      programme,
      status,
      not_due,
      near_due,
      overdue,
      stopped,
      total,
    })),
    totals: summary.totals,
    byMonth: summary.finished.byMonth.map(({ month, processKey, onTime, late }) => ({
      month,
      processKey,
      onTime,
      late,
    })),
  };
}

/** Asserts that the API's summary equals the recount from the dossiers (pending rows, totals, months). */
export async function expectSummaryEqualsRecount(models: Models, answered: SummaryLike): Promise<void> {
  expect(comparable(answered)).toEqual(comparable(await recountedSlaSummary(models, answered)));
}
