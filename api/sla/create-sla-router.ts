import { Router, type RequestHandler } from 'express';
import type { Models } from '../../storage/create-models';
import { timelinessOf } from '../../domain/sla/timeliness';
import { authenticatedUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { ForbiddenError, ValidationError } from '../errors';
import { afterDueCursor, decodeDueCursor, encodeDueCursor } from '../paging/due-cursor';
import { checkedParameters } from '../validation/checked-parameters';
import { vietnamInstant } from '../../domain/time/vietnam-instant';
import { resolveUnitChain } from '../units/resolve-unit-chain';
import { openUnderFilter } from '../../read-model/sla/open-under-filter';
import { ALL_UNITS_SCOPE, parseOpenEntry } from '../../read-model/sla/sla-counter-contributions';
import type { CountReader } from './create-count-reader';
import { finishedMonths } from './finished-months';
import { topmostUnits } from './topmost-units';
import type { SlaPendingPage, SlaSummary } from '../../api-contract';
import { openTimelinessFilter, type OpenTimeliness } from './open-timeliness-filter';

/**
 * The units a request covers: the `unit` asked for (it must be one of the caller's units or below one), or all
 * the caller's units. Dossiers are matched through their unit chain, so a unit covers its descendants.
 */
async function scopeOf(models: Models, user: AuthenticatedUser, code: string | undefined): Promise<string[]> {
  const mine = [...new Set(user.grants.map((g) => g.unitCode))];
  if (code === undefined) return mine;
  const chain = await resolveUnitChain(models, code);
  if (!chain.units.some((u) => mine.includes(u._id))) {
    throw new ForbiddenError({
      vi: `Bạn không theo dõi đơn vị ${code.slice(0, 20)}`,
      en: `unit ${code.slice(0, 20)} is outside your units`,
    });
  }
  return [code];
}

/** The queries of the two views, as declared in the route table (api/openapi/sla-routes.ts) and checked before. */
interface PendingQuery {
  limit: number;
  cursor: string;
  unit: string;
  processingUnit: string;
  programme: string;
  timeliness: OpenTimeliness;
}
interface SummaryQuery {
  unit: string;
  from: string;
  to: string;
  finishedBy: 'procedure' | 'unit';
}

/** The longest period one summary asks for: ten years (widened to whole months, of which the latest 120 count). */
export const MAX_PERIOD_YEARS = 10;
const MAX_PERIOD_MS = (MAX_PERIOD_YEARS * 365 + 3) * 86_400_000;
const DEFAULT_PERIOD_MS = 365 * 86_400_000;

/** A checked `from`/`to`: a date is the start of that day in Việt Nam, an instant is itself. */
const instantOf = (text: string): Date =>
  new Date(text.length === 10 ? vietnamInstant(text, '00:00') : Date.parse(text));

/**
 * The period of finished dossiers: `to` (default now) and `from` (default 365 days before `to`). Their form and
 * range (2000–2099) are checked before; here, as 422 on `/query/from`: `from` after `to`, or more than
 * {@link MAX_PERIOD_YEARS} years apart.
 */
function periodOf(query: Partial<SummaryQuery>, now: Date): { from: Date; to: Date } {
  const to = query.to === undefined ? now : instantOf(query.to);
  const from = query.from === undefined ? new Date(to.getTime() - DEFAULT_PERIOD_MS) : instantOf(query.from);
  if (from.getTime() > to.getTime()) {
    throw new ValidationError([
      {
        path: '/query/from',
        keyword: 'formatMaximum',
        message: { vi: 'Ngày bắt đầu phải trước ngày kết thúc (to)', en: 'must not be after to' },
      },
    ]);
  }
  if (to.getTime() - from.getTime() > MAX_PERIOD_MS) {
    throw new ValidationError([
      {
        path: '/query/from',
        keyword: 'maxPeriod',
        message: {
          vi: `Khoảng thời gian dài tối đa ${MAX_PERIOD_YEARS} năm`,
          en: `the period is at most ${MAX_PERIOD_YEARS} years`,
        },
      },
    ]);
  }
  return { from, to };
}

/**
 * SLA views for supervisors, always limited to the caller's units and their descendants:
 * - `GET /api/sla/pending`: open dossiers, oldest due first, each with where and for whom it waits and its
 *   timeliness; filters `unit` (the unit and those below it), `processingUnit` (only dossiers waiting in that very
 *   unit: the list behind one bar of the summary's `pending`), `programme`, `timeliness`; keyset paging.
 * - `GET /api/sla/summary`: open dossiers counted by processing unit, level, programme and state, split by
 *   timeliness (`stopped`: returned for supplement, the clock stopped; the timeliness the workflow's timers
 *   recorded); and dossiers finished in a period (`from`, `to`; default the last 365 days, widened to whole months
 *   in Việt Nam time, as `finished.from`/`to` say) per procedure (`items`; per receiving unit and procedure with
 * `finishedBy=unit`) and per month and procedure (`byMonth`), on time or late, with the on-time rate. Both from the SLA
 * counters the projection
 *   maintains (see slaCounterContributions), so the cost does not grow with the number of dossiers. Every stored
 *   count goes through `counts` (see createCountReader): a drifted negative count is shown as 0.
 */
export function createSlaRouter(deps: {
  models: Models;
  authenticate: RequestHandler;
  counts: CountReader;
  /** The clock timeliness is judged by (tests inject one); the real clock otherwise. */
  now?: () => Date;
}): Router {
  const clock = deps.now ?? (() => new Date());
  const router = Router();
  const { DossierView, SlaCounter } = deps.models;

  router.get('/api/sla/pending', deps.authenticate, async (req, res) => {
    const user = authenticatedUser(req);
    const query = checkedParameters<PendingQuery>(req).query;
    const limit = query.limit ?? 50;
    const cursor = decodeDueCursor(query.cursor);
    const units = await scopeOf(deps.models, user, query.unit);
    const now = clock();
    const and: Record<string, unknown>[] = [openUnderFilter(units)];
    if (query.programme !== undefined) and.push({ programme: query.programme });
    if (query.processingUnit !== undefined) and.push({ processingUnit: query.processingUnit });
    if (query.timeliness) and.push(openTimelinessFilter(query.timeliness));
    if (cursor) and.push(afterDueCursor(cursor));
    const rows = await DossierView.find({ $and: and })
      .sort({ dueAt: 1, _id: 1 })
      .limit(limit + 1)
      .lean();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    res.json({
      items: page.map((d) => ({
        id: d._id,
        processKey: d.processKey,
        programme: d.programme,
        status: d.status,
        currentStep: d.currentStep,
        waitingFor: { unit: d.processingUnit, role: d.currentRole, level: d.currentLevel },
        receivingUnit: d.receivingUnit,
        stepStartedAt: d.stepStartedAt?.toISOString() ?? null,
        dueAt: d.dueAt?.toISOString() ?? null,
        overallDueAt: d.overallDueAt?.toISOString() ?? null,
        clockStoppedAt: d.clockPausedAt?.toISOString() ?? null,
        timeliness: timelinessOf(
          {
            startedAt: d.stepStartedAt?.toISOString() ?? null,
            dueAt: d.dueAt?.toISOString() ?? null,
            closedAt: null,
            nearDueAt: d.nearDueAt?.toISOString() ?? null,
          },
          now.getTime(),
        ),
      })),
      nextCursor:
        rows.length > limit && last
          ? encodeDueCursor({ dueAt: last.dueAt?.toISOString() ?? null, id: last._id })
          : null,
    } satisfies SlaPendingPage);
  });

  router.get('/api/sla/summary', deps.authenticate, async (req, res) => {
    const user = authenticatedUser(req);
    const query = checkedParameters<SummaryQuery>(req).query;
    const now = clock();
    const requested = periodOf(query, now);
    const units = await scopeOf(deps.models, user, query.unit);
    const byUnit = query.finishedBy === 'unit';
    const scopes = await topmostUnits(deps.models, units);
    const period = finishedMonths(requested.from, requested.to);
    // Both parts come from the counters the projection maintains (see slaCounterContributions), never from a scan.
    const [openCounters, finishedCounters] = await Promise.all([
      SlaCounter.find({ scope: { $in: scopes }, kind: 'open' }).lean(),
      period.months.length === 0
        ? []
        : SlaCounter.find({
            scope: { $in: scopes },
            kind: 'finished',
            ...(byUnit ? {} : { receivingUnit: ALL_UNITS_SCOPE }),
          }).lean(),
    ]);

    type Row = { unit: string; level: string; programme: string; status: string } & Record<OpenTimeliness, number> & {
        total: number;
      };
    const rows = new Map<string, Row>();
    for (const c of openCounters) {
      if (c.kind !== 'open') continue;
      for (const [entryKey, stored] of Object.entries(c.c ?? {})) {
        const e = parseOpenEntry(entryKey);
        const n = deps.counts(stored, { counterId: c._id, path: `c.${entryKey}` });
        if (!e || !n) continue;
        const key = { unit: c.processingUnit, level: e.level, programme: e.programme, status: e.status };
        const id = JSON.stringify([key.unit, key.level, key.programme, key.status]);
        const row = rows.get(id) ?? { ...key, not_due: 0, near_due: 0, overdue: 0, stopped: 0, total: 0 };
        row[e.bucket] += n;
        row.total += n;
        rows.set(id, row);
      }
    }

    const inPeriod = new Set(period.months);
    const done = new Map<string, { unit: string | null; processKey: string; onTime: number; late: number }>();
    const byMonth = new Map<string, { month: string; processKey: string; onTime: number; late: number }>();
    for (const c of finishedCounters) {
      if (c.kind !== 'finished') continue;
      const allUnits = c.receivingUnit === ALL_UNITS_SCOPE;
      for (const [m, stored] of Object.entries(c.m ?? {})) {
        if (!inPeriod.has(m)) continue;
        const counts = {
          onTime: deps.counts(stored.onTime, { counterId: c._id, path: `m.${m}.onTime` }),
          late: deps.counts(stored.late, { counterId: c._id, path: `m.${m}.late` }),
        };
        // Per unit from the units' documents when asked, else per procedure from the all-units ones; the months
        // always from the all-units ones.
        if (allUnits !== byUnit) {
          const unit = byUnit ? c.receivingUnit : null;
          const id = `${unit}\u0000${c.processKey}`;
          const row = done.get(id) ?? { unit, processKey: c.processKey, onTime: 0, late: 0 };
          row.onTime += counts.onTime;
          row.late += counts.late;
          done.set(id, row);
        }
        if (!allUnits) continue;
        const monthId = `${m}\u0000${c.processKey}`;
        const month = byMonth.get(monthId) ?? { month: m, processKey: c.processKey, onTime: 0, late: 0 };
        month.onTime += counts.onTime;
        month.late += counts.late;
        byMonth.set(monthId, month);
      }
    }
    const rate = (r: { onTime: number; late: number }) =>
      r.onTime + r.late > 0 ? r.onTime / (r.onTime + r.late) : null;

    const pending = [...rows.values()]
      .filter((r) => r.total > 0)
      .sort((a, b) => a.unit.localeCompare(b.unit) || a.programme.localeCompare(b.programme));
    const sum = (count: OpenTimeliness | 'total') => pending.reduce((n, r) => n + r[count], 0);
    res.json({
      units,
      at: now.toISOString(),
      pending,
      totals: {
        total: sum('total'),
        not_due: sum('not_due'),
        near_due: sum('near_due'),
        overdue: sum('overdue'),
        stopped: sum('stopped'),
      },
      finished: {
        from: period.from.toISOString(),
        to: period.to.toISOString(),
        items: [...done.values()].filter((r) => r.onTime + r.late > 0).map((r) => ({ ...r, onTimeRate: rate(r) })),
        byMonth: [...byMonth.values()]
          .filter((m) => m.onTime + m.late > 0)
          .sort((a, b) => a.month.localeCompare(b.month) || a.processKey.localeCompare(b.processKey))
          .map((m) => ({ ...m, onTimeRate: rate(m) })),
      },
    } satisfies SlaSummary);
  });
  return router;
}
