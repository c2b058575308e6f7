import { DEMO_PASSWORD } from '../../../../scripts/demo-accounts';
import type { DossierPlan, PlannedStep } from './dossier-plans';

/** One dossier as a client drives it: its plan, its id once created, and how far it got. */
export interface DossierRun {
  plan: DossierPlan;
  id?: string;
  /** The next step: -1 = create, then the index in plan.steps; plan.steps.length = done. */
  next: number;
  /** Earliest time of the next attempt (after a retriable answer). */
  retryAt: number;
  /** The current step had an answer that left its outcome unknown (lost, 5xx, 202): its retries reuse the key. */
  uncertain: boolean;
  /** Set when the run met an answer it must not: the test fails with it. */
  failed?: string;
}

export interface LoadStats {
  requests: number;
  /** Attempts that had to be repeated, by reason (`network`, `http 502`, `http 202`, `idempotency_in_progress`…). */
  retries: Record<string, number>;
  /**
   * Decisions whose first answer was lost and whose retry met the dossier already past them, confirmed from its
   * history.
   */
  confirmedFromHistory: number;
  bulkRequests: number;
  bulkDecided: number;
  /** Mean answer time (ms) and count, by request kind (`create`, the action, `bulk`). */
  latency: Record<string, { n: number; meanMs: number }>;
}

/** A request with an Idempotency-Key and the final answer it got (after any retries). */
export interface KeyedExchange {
  key: string;
  method: 'POST';
  path: string;
  /** The username it was sent as. */
  as: string;
  body: unknown;
  status: number;
  response: unknown;
  /** How many times it was sent: more than 1 when an earlier answer was lost or not final. */
  attempts: number;
}

export interface LoadOptions {
  baseUrl: string;
  plans: DossierPlan[];
  clients: number;
  /** Makes the Idempotency-Keys of this run unique. */
  tag: string;
  /** Called after each step done, with the steps done and the total (to kill processes at given moments). */
  onProgress?: (done: number, total: number) => void;
  /** The list approvals take this many dossiers at most (and fewer when nothing else is left to wait for). */
  bulkSize?: number;
  /** Called with each keyed request's final answer, the first one its key got (to check later replays against). */
  onFinalAnswer?: (exchange: KeyedExchange) => void;
}

const DECISION_ACTIONS = new Set(['submit', 'approve', 'return', 'reject', 'withdraw']);
/** The decisions in a dossier's history (not its creation, nor the clock's reminders and escalations). */
export const decisionsIn = (history: { action: string; actor: { userId: string } }[]): string[] =>
  history.filter((h) => DECISION_ACTIONS.has(h.action)).map((h) => `${h.action}:${h.actor.userId}`);
export const plannedDecisions = (plan: DossierPlan): string[] => plan.steps.map((s) => `${s.action}:${s.as}`);

type Answer = { status: number; body: any } | { network: string };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Drives every plan through the API over HTTP with `clients` concurrent clients (each owns every n-th dossier and
 * sends one request at a time, moving to its next dossier while one waits for a retry), plus one client that takes
 * the list approvals in bulk. Every request carries an Idempotency-Key derived from the dossier and the step, so a
 * request whose answer was lost (connection refused or reset while a process is down, a 5xx, a 202 while the worker
 * is away, a 409 while the key is claimed by a request that died with its API) is repeated with the same key until
 * it gets a final answer. Any other answer fails that dossier's run.
 */
export async function runLoad(options: LoadOptions): Promise<{ runs: DossierRun[]; stats: LoadStats }> {
  const { baseUrl, plans, tag } = options;
  const runs: DossierRun[] = plans.map((plan) => ({ plan, next: -1, retryAt: 0, uncertain: false }));
  const stats: LoadStats = {
    requests: 0,
    retries: {},
    confirmedFromHistory: 0,
    bulkRequests: 0,
    bulkDecided: 0,
    latency: {},
  };
  const timed = async <T>(kind: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    try {
      return await fn();
    } finally {
      const l = (stats.latency[kind] ??= { n: 0, meanMs: 0 });
      l.meanMs = Math.round((l.meanMs * l.n + Date.now() - t0) / (l.n + 1));
      l.n += 1;
    }
  };
  const total = plans.reduce((n, p) => n + 1 + p.steps.length, 0);
  let done = 0;
  const tokens = new Map<string, Promise<string>>();
  const finished = (r: DossierRun) => r.failed !== undefined || r.next >= r.plan.steps.length;
  const stepOf = (r: DossierRun): PlannedStep | undefined => (r.next >= 0 ? r.plan.steps[r.next] : undefined);

  async function send(
    method: string,
    path: string,
    as: string | undefined,
    body?: unknown,
    key?: string,
  ): Promise<Answer> {
    stats.requests += 1;
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (as) headers.authorization = `Bearer ${await token(as)}`;
      if (key) headers['idempotency-key'] = key;
      const res = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        signal: AbortSignal.timeout(90_000),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      let parsed: unknown = undefined;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = text; // a proxy-style error page: kept for the failure message
      }
      return { status: res.status, body: parsed };
    } catch (error) {
      tokens.delete(as ?? ''); // a login lost in an outage is tried again
      return { network: String((error as Error).cause ?? (error as Error).message) };
    }
  }

  function token(user: string): Promise<string> {
    let pending = tokens.get(user);
    if (!pending) {
      pending = (async () => {
        for (;;) {
          const res = await send('POST', '/api/auth/login', undefined, { username: user, password: DEMO_PASSWORD });
          if ('status' in res && res.status === 200) return res.body.token as string;
          if ('status' in res && res.status < 500) throw new Error(`login of ${user}: ${res.status}`);
          await sleep(200);
        }
      })();
      tokens.set(user, pending);
      pending.catch(() => tokens.delete(user));
    }
    return pending;
  }

  /** Whether an answer leaves the outcome unknown, so the same request must be sent again; counts the reason. */
  function retriable(answer: Answer): boolean {
    let reason: string | undefined;
    if ('network' in answer) reason = 'network';
    else if (answer.status >= 500 || answer.status === 202 || answer.status === 429) reason = `http ${answer.status}`;
    else if (answer.status === 409 && answer.body?.error?.code === 'idempotency_in_progress')
      reason = 'idempotency_in_progress';
    if (reason) stats.retries[reason] = (stats.retries[reason] ?? 0) + 1;
    return reason !== undefined;
  }

  /** Reports a final answer (one that is not retried) to onFinalAnswer. */
  function final(key: string, path: string, as: string, body: unknown, answer: Answer, attempts: number): void {
    if ('status' in answer) {
      const { status, body: response } = answer;
      options.onFinalAnswer?.({ key, method: 'POST', path, as, body, status, response, attempts });
    }
  }

  const describe = (answer: Answer) =>
    'network' in answer ? answer.network : `${answer.status} ${JSON.stringify(answer.body)?.slice(0, 300)}`;

  function advance(r: DossierRun): void {
    r.next += 1;
    r.uncertain = false;
    r.retryAt = 0;
    done += 1;
    options.onProgress?.(done, total);
  }

  function backOff(r: DossierRun, attempt: number): void {
    r.uncertain = true;
    r.retryAt = Date.now() + Math.min(2000, 100 * 2 ** Math.min(attempt, 5));
  }
  const attempts = new Map<DossierRun, number>();

  /** One attempt at the dossier's next step. */
  async function attempt(r: DossierRun): Promise<void> {
    const n = (attempts.get(r) ?? 0) + 1;
    attempts.set(r, n);
    if (r.next < 0) {
      const createKey = `${tag}-create-${r.plan.index}`;
      const answer = await timed('create', () =>
        send('POST', '/api/dossiers', r.plan.creator, r.plan.create, createKey),
      );
      if (retriable(answer)) return backOff(r, n);
      final(createKey, '/api/dossiers', r.plan.creator, r.plan.create, answer, n);
      if ('status' in answer && answer.status === 201) {
        r.id = answer.body.id;
        attempts.delete(r);
        return advance(r);
      }
      r.failed = `create: ${describe(answer)}`;
      return;
    }
    const step = stepOf(r)!;
    const key = `${tag}-${r.plan.index}-${r.next}`;
    const path = `/api/dossiers/${r.id}/actions`;
    const body = { action: step.action, ...step.body };
    const answer = await timed(step.action, () => send('POST', path, step.as, body, key));
    if (retriable(answer)) return backOff(r, n);
    final(key, path, step.as, body, answer, n);
    if ('status' in answer && answer.status === 200) {
      attempts.delete(r);
      return advance(r);
    }
    // A retry whose first attempt was applied, but whose outcome Temporal could no longer tell (e.g. the dossier
    // closed meanwhile): the dossier's own history says whether this decision is in it.
    if (r.uncertain && 'status' in answer && answer.status === 409 && (await alreadyDecided(r))) {
      stats.confirmedFromHistory += 1;
      attempts.delete(r);
      return advance(r);
    }
    r.failed = `step ${r.next} (${step.action} by ${step.as}): ${describe(answer)}`;
  }

  async function alreadyDecided(r: DossierRun): Promise<boolean> {
    const answer = await send('GET', `/api/dossiers/${r.id}`, 'tp.hanoi');
    if (!('status' in answer) || answer.status !== 200) return false;
    const made = decisionsIn(answer.body.history);
    const planned = plannedDecisions(r.plan).slice(0, r.next + 1);
    return made.length === planned.length && made.every((d, i) => d === planned[i]);
  }

  async function client(mine: DossierRun[]): Promise<void> {
    for (;;) {
      const open = mine.filter((r) => !finished(r));
      if (open.length === 0) return;
      const now = Date.now();
      const ready = open.filter((r) => !stepOf(r)?.bulk && r.retryAt <= now);
      const r = ready[0];
      if (!r) {
        await sleep(50);
        continue;
      }
      await attempt(r);
      // Round robin: the dossier just handled goes to the back of this client's list.
      mine.splice(mine.indexOf(r), 1);
      mine.push(r);
    }
  }

  /** Takes the list approvals: the dossiers waiting for one, up to bulkSize at a time, each batch until final. */
  async function bulkClient(): Promise<void> {
    const size = options.bulkSize ?? 20;
    let batchNo = 0;
    let waitingSince = 0;
    for (;;) {
      const waiting = runs.filter((r) => !finished(r) && stepOf(r)?.bulk);
      const others = runs.filter((r) => !finished(r) && !stepOf(r)?.bulk);
      if (waiting.length === 0 && others.length === 0) return;
      if (waiting.length === 0) waitingSince = 0;
      else if (waitingSince === 0) waitingSince = Date.now();
      // A full batch, or whatever waits once it has waited a while (or nothing else can add to it).
      if (waiting.length < size && (waiting.length === 0 || (others.length > 0 && Date.now() - waitingSince < 1500))) {
        await sleep(100);
        continue;
      }
      const batch = waiting.slice(0, size);
      const key = `${tag}-bulk-${batchNo++}`;
      const body = {
        dossierIds: batch.map((r) => r.id),
        action: 'approve',
        comment: 'Quyết định 45/QĐ-UBND phê duyệt danh sách',
      };
      for (let n = 1; ; n++) {
        stats.bulkRequests += 1;
        const answer = await timed('bulk', () =>
          send('POST', '/api/dossiers/bulk-actions', 'lanhdao.hanoi', body, key),
        );
        if (retriable(answer)) {
          await sleep(Math.min(2000, 100 * 2 ** Math.min(n, 5)));
          continue;
        }
        final(key, '/api/dossiers/bulk-actions', 'lanhdao.hanoi', body, answer, n);
        if ('status' in answer && answer.status === 200) {
          for (const item of answer.body.items as { dossierId: string; outcome: string; error?: unknown }[]) {
            const r = batch.find((b) => b.id === item.dossierId);
            if (!r) throw new Error(`bulk answer names ${item.dossierId}, not in the batch`);
            if (item.outcome === 'decided') {
              stats.bulkDecided += 1;
              advance(r);
            } else r.failed = `list approval: ${JSON.stringify(item).slice(0, 300)}`;
          }
        } else for (const r of batch) r.failed = `list approval: ${describe(answer)}`;
        break;
      }
      waitingSince = 0;
    }
  }

  const perClient = Array.from({ length: options.clients }, (_, c) => runs.filter((_, i) => i % options.clients === c));
  await Promise.all([...perClient.map((mine) => client(mine)), bulkClient()]);
  return { runs, stats };
}
