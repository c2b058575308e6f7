import { maskCitizenIds, needsFullCitizenId } from '../../domain/privacy/citizen-id-access';
import { Router, type RequestHandler } from 'express';
import type { QueryFilter } from 'mongoose';
import type { Models } from '../../storage/create-models';
import type { DossierViewDoc } from '../../storage/dossier-view-schema';
import { authenticatedUser } from '../auth/authenticated-user';
import { afterDueCursor, decodeDueCursor, encodeDueCursor } from '../paging/due-cursor';
import { checkedParameters } from '../validation/checked-parameters';
import type { DossierStatus } from '../../workflows/messages';
import { timelinessOf } from '../../domain/sla/timeliness';
import { ValidationError } from '../errors';
import { normalizeSearchText } from '../../read-model/search/normalize-search-text';
import type { CountReader } from '../sla/create-count-reader';
import { openTimelinessFilter, type OpenTimeliness } from '../sla/open-timeliness-filter';
import { ALL_UNITS_SCOPE, parseOpenEntry } from '../../read-model/sla/sla-counter-contributions';
import type { InboxPage } from '../../api-contract';
import { inboxMatch, signOffCountAdjustment } from './sign-off-inbox';

/** The inbox's query, as declared in the route table (api/openapi/api-routes.ts) and checked before this runs. */
interface InboxQuery {
  limit: number;
  cursor: string;
  unit: string;
  programme: string;
  status: DossierStatus;
  timeliness: OpenTimeliness;
  q: string;
}
const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `q`: each word, without diacritics and in lower case, must occur in the dossier's `searchText` (its code and the
 * household head's name, normalized the same way). Undefined for an absent or blank q (its length is checked before).
 */
export function searchConditions(text: string | undefined): Record<string, unknown>[] | undefined {
  if (text === undefined) return undefined;
  const words = normalizeSearchText(text)
    .split(' ')
    .filter((w) => w.length > 0);
  if (words.length === 0) return undefined;
  return words.map((w) => ({ searchText: { $regex: escapeRegex(w) } }));
}

/** `unit`: only the caller's grants in that unit (one of the caller's units, else 422); all grants when absent. */
function grantsOfUnit<G extends { unitCode: string }>(grants: G[], unit: string | undefined): G[] {
  if (unit === undefined) return grants;
  const mine = grants.filter((g) => g.unitCode === unit);
  if (mine.length === 0) {
    throw new ValidationError([
      {
        path: '/query/unit',
        keyword: 'enum',
        message: { vi: 'Bạn không có quyền xử lý hồ sơ của đơn vị này', en: 'not one of your units' },
      },
    ]);
  }
  return mine;
}

/**
 * `GET /api/inbox`: open dossiers whose current step waits for one of the caller's (role, unit) grants, soonest
 * due first. Keyset paging on (dueAt, _id) keeps every page an index range scan, however deep.
 *
 * Filters (all optional, combined): `unit` (one of the caller's units: only what waits there), `programme`, `status`
 * (received, in_progress, awaiting_supplement),
 * `timeliness` (not_due, near_due, overdue) and `q`, a text search on the dossier code and the household head's
 * name that ignores case and diacritics (see searchConditions). The first page (no `cursor`) also carries `counts`: how
 * many dossiers
 * match the programme, status and text filters in all, and per open timeliness, so a list filtered by timeliness can
 * show
 * the other counts beside it. Later pages leave the counts out (they would cost a count per page).
 */
export function createInboxRouter(deps: {
  models: Models;
  authenticate: RequestHandler;
  counts: CountReader;
  /** The clock timeliness is judged by (tests inject one); the real clock otherwise. */
  now?: () => Date;
}): Router {
  const router = Router();
  router.get('/api/inbox', deps.authenticate, async (req, res) => {
    const user = authenticatedUser(req);
    const { limit = 50, cursor: rawCursor, unit, q, ...filters } = checkedParameters<InboxQuery>(req).query;
    const cursor = decodeDueCursor(rawCursor);
    if (user.grants.length === 0) {
      res.json({ items: [], nextCursor: null } satisfies InboxPage);
      return;
    }
    const grants = grantsOfUnit(user.grants, unit);
    const search = searchConditions(q);
    const now = (deps.now?.() ?? new Date()).getTime();
    const base: QueryFilter<DossierViewDoc> = {
      $or: inboxMatch(grants),
      ...(filters.programme ? { programme: filters.programme } : {}),
      ...(filters.status ? { status: filters.status } : {}),
      ...(search ? { $and: search } : {}),
    };
    const and: Record<string, unknown>[] = [...(search ?? [])];
    if (filters.timeliness) and.push(openTimelinessFilter(filters.timeliness));
    if (cursor) and.push(afterDueCursor(cursor));
    const filter: QueryFilter<DossierViewDoc> = and.length > 0 ? { ...base, $and: and } : base;
    const counting = cursor ? undefined : inboxCounts(deps, grants, filters, search ? base : undefined);
    const rows = await deps.models.DossierView.find(filter)
      .sort({ dueAt: 1, _id: 1 })
      .limit(limit + 1)
      .lean();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > limit && last ? encodeDueCursor({ dueAt: last.dueAt?.toISOString() ?? null, id: last._id }) : null;
    const fullIds = needsFullCitizenId(
      user.grants.map((g) => g.role),
      'list',
    );
    res.json({
      items: page.map((d) => ({
        id: d._id,
        processKey: d.processKey,
        processVersion: d.processVersion,
        programme: d.programme,
        status: d.status,
        currentStep: d.currentStep,
        currentRole: d.currentRole,
        processingUnit: d.processingUnit,
        receivingUnit: d.receivingUnit,
        stepStartedAt: d.stepStartedAt?.toISOString() ?? null,
        dueAt: d.dueAt?.toISOString() ?? null,
        timeliness: timelinessOf(
          {
            startedAt: d.stepStartedAt?.toISOString() ?? null,
            dueAt: d.dueAt?.toISOString() ?? null,
            closedAt: null,
            nearDueAt: d.nearDueAt?.toISOString() ?? null,
          },
          now,
        ),
        amounts: d.amounts,
        applicant: maskCitizenIds(d.applicant, fullIds),
      })),
      nextCursor,
      ...(counting ? { counts: await counting } : {}),
    } satisfies InboxPage);
  });
  return router;
}

/**
 * The first page's counts. Without a text search they come from the SLA counters of the caller's (unit, role)
 * queues (see slaCounterContributions), so they cost a few small reads however long the queues are; with one, from
 * one pass over the matching dossiers (a text search reads its candidates anyway). Stored counts go through `read`
 * (see createCountReader), so a drifted counter never shows a negative.
 */
async function inboxCounts(
  { models, counts: read }: { models: Models; counts: CountReader },
  grants: { unitCode: string; role: string }[],
  filters: { programme?: string; status?: DossierStatus },
  searched: QueryFilter<DossierViewDoc> | undefined,
): Promise<Record<'total' | OpenTimeliness, number>> {
  const counts: Record<'total' | OpenTimeliness, number> = {
    total: 0,
    not_due: 0,
    near_due: 0,
    overdue: 0,
    stopped: 0,
  };
  if (searched) {
    for (const d of await models.DossierView.find(searched, { openBucket: 1 }).lean()) {
      counts.total += 1;
      if (d.openBucket) counts[d.openBucket] += 1;
    }
    return counts;
  }
  const roles = new Map<string, Set<string>>();
  for (const g of grants) roles.set(g.unitCode, (roles.get(g.unitCode) ?? new Set()).add(g.role));
  const counters = await models.SlaCounter.find({
    $or: [...roles.keys()].map((unit) => ({ processingUnit: unit, scope: ALL_UNITS_SCOPE })),
    kind: 'open',
  }).lean();
  for (const c of counters) {
    if (c.kind !== 'open') continue;
    for (const [entryKey, stored] of Object.entries(c.c ?? {})) {
      const e = parseOpenEntry(entryKey);
      const n = read(stored, { counterId: c._id, path: `c.${entryKey}` });
      if (!e || !n || !roles.get(c.processingUnit)?.has(e.role)) continue;
      if (filters.programme && e.programme !== filters.programme) continue;
      if (filters.status && e.status !== filters.status) continue;
      counts.total += n;
      counts[e.bucket] += n;
    }
  }
  // Sign-off steps show a dossier to each signer still awaited, not to the step's role once it has signed.
  const adjustment = await signOffCountAdjustment(models, grants, filters);
  for (const key of Object.keys(counts) as (keyof typeof counts)[]) counts[key] += adjustment[key];
  return counts;
}
