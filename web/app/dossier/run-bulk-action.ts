// Browser-safe and DOM-free.
import type { Action } from '../../../domain/process/process-definition';
import type { ApiResult, AppApiClient } from '../api/create-app-api-client';
import { isRetryableStatus } from '../api/idempotency-keys';
import type { BulkActionResult as BulkAnswer } from '../../../api-contract';

export const BULK_ACTIONS_PATH = '/api/dossiers/bulk-actions';
/** The API's limit per request, and so the size of each dry-run request. */
export const MAX_BULK_REQUEST = 100;

export interface BulkRequest {
  dossierIds: string[];
  action: Action;
  comment?: string;
}

/** A dossier that was refused or failed, with the server's message (in the app's language). */
export interface BulkProblem {
  /** Absent for a problem of the whole request (the shared reason). */
  dossierId?: string;
  message: string;
}

export type BulkRunOutcome =
  /** The check before anything was sent refused some dossiers (or the reason): nothing was decided. */
  | { kind: 'refused'; problems: BulkProblem[] }
  /** Every dossier was sent; each either succeeded or failed with a message. */
  | { kind: 'finished'; decided: string[]; failed: BulkProblem[] };

export interface BulkRunOptions {
  /** Dossiers per decision request: the progress moves after each. */
  chunkSize?: number;
  /** Tries per request while the answer is not final (network failure, 5xx, 202, idempotency in progress). */
  maxAttempts?: number;
  wait?(ms: number): Promise<void>;
  onProgress?(done: number, total: number): void;
  /** Messages for answers that carry none of their own. */
  text: { networkError: string; unavailable: string; stillProcessing: string };
}

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** The problems of a refused request, each on its dossier where the field names one (`/dossierIds/<index>`). */
function problemsOf(result: Extract<ApiResult<unknown>, { ok: false }>, ids: readonly string[]): BulkProblem[] {
  const problems = result.fields.map((f): BulkProblem => {
    const index = /^\/dossierIds\/(\d+)$/.exec(f.path)?.[1];
    const dossierId = index === undefined ? undefined : ids[Number(index)];
    return dossierId === undefined ? { message: f.message } : { dossierId, message: f.message };
  });
  return problems.length > 0 ? problems : [{ message: result.message }];
}

/**
 * Takes one action on the selected dossiers. First a dry run checks all of them (in requests of at most 100): if
 * the server refuses any, nothing is decided and the problems come back. Then the dossiers are decided a few per
 * request, each request with its own Idempotency-Key; an answer that is not final is retried with the same key, so
 * no dossier is decided twice, and `onProgress` follows each request. A request that still fails marks its
 * dossiers failed with the reason; the others go on. Never rejects.
 */
export async function runBulkAction(
  api: Pick<AppApiClient, 'post'>,
  request: BulkRequest,
  options: BulkRunOptions,
): Promise<BulkRunOutcome> {
  const chunkSize = options.chunkSize ?? 5;
  const maxAttempts = options.maxAttempts ?? 4;
  const wait = options.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const total = request.dossierIds.length;
  const comment = request.comment?.trim() ? { comment: request.comment.trim() } : {};
  const messageOf = (result: Extract<ApiResult<unknown>, { ok: false }>) =>
    result.status === 'network'
      ? options.text.networkError
      : result.status >= 500
        ? options.text.unavailable
        : result.message;

  const refused: BulkProblem[] = [];
  for (const ids of chunks(request.dossierIds, MAX_BULK_REQUEST)) {
    const check = await api.post<BulkAnswer>(BULK_ACTIONS_PATH, {
      dossierIds: ids,
      action: request.action,
      ...comment,
      dryRun: true,
    });
    if (check.ok) continue;
    if (check.status === 422) refused.push(...problemsOf(check, ids));
    else return { kind: 'refused', problems: [{ message: messageOf(check) }] };
  }
  // The shared reason is reported once, however many requests the check needed.
  if (refused.length > 0)
    return {
      kind: 'refused',
      problems: refused.filter(
        (p, i) =>
          p.dossierId !== undefined ||
          refused.findIndex((q) => q.dossierId === undefined && q.message === p.message) === i,
      ),
    };

  const decided: string[] = [];
  const failed: BulkProblem[] = [];
  let done = 0;
  options.onProgress?.(done, total);
  const queue = chunks(request.dossierIds, chunkSize);
  for (let ids = queue.shift(); ids; ids = queue.shift()) {
    const body = { dossierIds: ids, action: request.action, ...comment };
    let finished: string[] = ids;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1) await wait(1000 * (attempt - 1));
      const result = await api.post<BulkAnswer>(BULK_ACTIONS_PATH, body, { idempotent: true });
      const last = attempt === maxAttempts;
      if (result.ok) {
        if (result.status !== 200 && !last) continue; // 202: some still being applied; the same key finishes them
        for (const item of result.value.items) {
          if (item.outcome === 'decided') decided.push(item.dossierId);
          else
            failed.push({
              dossierId: item.dossierId,
              message: item.outcome === 'failed' ? item.error.message : options.text.stillProcessing,
            });
        }
        break;
      }
      if (isRetryableStatus(result.status, result.code) && !last) continue;
      // Refused although the check passed (someone decided a dossier meanwhile): nothing of this request was
      // decided. The refused dossiers fail with their reasons and the others go again, in a request of their own.
      const problems = result.status === 422 ? problemsOf(result, ids).filter((p) => p.dossierId !== undefined) : [];
      const rest = ids.filter((id) => !problems.some((p) => p.dossierId === id));
      if (problems.length > 0 && rest.length > 0) {
        failed.push(...problems);
        queue.unshift(rest);
        finished = ids.filter((id) => !rest.includes(id));
      } else {
        for (const id of ids)
          failed.push({
            dossierId: id,
            message: problems.find((p) => p.dossierId === id)?.message ?? messageOf(result),
          });
      }
      break;
    }
    done += finished.length;
    options.onProgress?.(done, total);
  }
  return { kind: 'finished', decided, failed };
}
