import { createHash } from 'node:crypto';
import { bulkActionsOf } from '../../domain/process/bulk-actions';
import type { DecideResult } from '../../workflows/messages';
import type { Action } from '../../domain/process/process-definition';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DomainError, ValidationError, type Bilingual, type FieldProblem } from '../errors';
import type { DossierService } from './create-dossier-service';
import { mapLimited } from './map-limited';

/** The most dossiers one bulk request may name (the request schema says so too). */
export const MAX_BULK_DOSSIERS = 100;
/** How many dossiers are checked or decided at the same time. */
const CONCURRENCY = 4;

export interface BulkActionCommand {
  dossierIds: string[];
  action: Action;
  /** One comment for every dossier; required when the action needs a reason. */
  comment?: string;
  /** Check every dossier and answer, deciding nothing. */
  dryRun?: boolean;
}

export type BulkItemResult =
  | { dossierId: string; outcome: 'ready' }
  | { dossierId: string; outcome: 'decided'; result: DecideResult }
  | { dossierId: string; outcome: 'processing'; updateId: string }
  | { dossierId: string; outcome: 'failed'; error: { status: number; code: string; message: Bilingual } };

export interface BulkActionService {
  /**
   * Takes one action on several dossiers. First every dossier is checked as a single decision would be (visible
   * to the caller, open, the action allowed at its step, the caller in the acting role and unit) and, in addition,
   * the step must allow the action in bulk (`bulk` in the definition) and a reason must be given if it needs one.
   * If any check fails, nothing is decided: 422 with one field per refused dossier (`/dossierIds/<index>`) or
   * `/comment`. Then each dossier is decided through `DossierService.act`, the path of a single decision, and
   * each gets its own result; one that fails then (someone else decided it meanwhile) does not stop the others.
   *
   * With an idempotency id, each dossier's decision gets its own id derived from it, so a retry of the request
   * continues where the first attempt stopped: dossiers it decided answer with their earlier outcome and are not
   * decided twice. Once any dossier of the batch has been decided, a retry no longer refuses the whole batch; the
   * dossiers that cannot take the action are reported as failed items instead.
   */
  run(user: AuthenticatedUser, command: BulkActionCommand, idempotencyId?: string): Promise<BulkItemResult[]>;
}

const REFUSED: Bilingual = {
  vi: 'Không xử lý hàng loạt được: có hồ sơ không thể nhận thao tác này, chưa hồ sơ nào được xử lý',
  en: 'The bulk action was refused: some dossiers cannot take it; none was decided',
};

type Check =
  | { kind: 'ready'; requiresComment: boolean }
  | { kind: 'applied' }
  | { kind: 'refused'; status: number; code: string; message: Bilingual };

/** The idempotency id of one dossier's decision within a keyed bulk request. */
export function bulkItemKey(idempotencyId: string, dossierId: string): string {
  return createHash('sha256').update(`${idempotencyId}\nbulk-item\n${dossierId}`).digest('hex');
}

export function createBulkActionService(deps: {
  service: DossierService;
  /** Errors that are not domain errors (Temporal or the database unreachable): logged by dossier id only. */
  logger?: { error(message: string, meta: Record<string, unknown>): void };
}): BulkActionService {
  const { service } = deps;
  return {
    async run(user, command, idempotencyId) {
      const { dossierIds, action } = command;
      const comment = command.comment?.trim() ?? '';
      const keyOf = (dossierId: string) => (idempotencyId ? bulkItemKey(idempotencyId, dossierId) : undefined);

      const seen = new Map<string, number>();
      const duplicates: FieldProblem[] = [];
      dossierIds.forEach((id, i) => {
        const first = seen.get(id);
        if (first === undefined) seen.set(id, i);
        else
          duplicates.push({
            path: `/dossierIds/${i}`,
            keyword: 'uniqueItems',
            message: {
              vi: `Hồ sơ ${id} đã có ở vị trí ${first}`,
              en: `dossier ${id} is already listed at position ${first}`,
            },
          });
      });
      if (duplicates.length > 0) throw new ValidationError(duplicates, REFUSED);

      const checks = await mapLimited(dossierIds, CONCURRENCY, async (dossierId): Promise<Check> => {
        try {
          const checked = await service.check(user, dossierId, { action }, keyOf(dossierId));
          if ('decided' in checked) return { kind: 'applied' };
          const bulk = bulkActionsOf(checked.step).find((b) => b.action === action);
          if (!bulk) {
            return {
              kind: 'refused',
              status: 409,
              code: 'bulk_not_allowed',
              message: {
                vi: `Thao tác '${action}' ở bước '${checked.step.id}' không được xử lý hàng loạt`,
                en: `action '${action}' in step '${checked.step.id}' may not be taken in bulk`,
              },
            };
          }
          return { kind: 'ready', requiresComment: bulk.requiresComment };
        } catch (error) {
          if (error instanceof DomainError && error.status < 500)
            return { kind: 'refused', status: error.status, code: error.code, message: error.localized };
          throw error;
        }
      });
      const problems: FieldProblem[] = [];
      checks.forEach((c, i) => {
        if (c.kind === 'refused') problems.push({ path: `/dossierIds/${i}`, keyword: c.code, message: c.message });
      });
      if (!comment && checks.some((c) => c.kind === 'ready' && c.requiresComment)) {
        problems.push({
          path: '/comment',
          keyword: 'required',
          message: {
            vi: 'Thao tác này cần lý do, dùng chung cho mọi hồ sơ đã chọn',
            en: 'this action needs a reason, shared by every dossier chosen',
          },
        });
      }
      const started = checks.some((c) => c.kind === 'applied');
      if (problems.length > 0 && !started) throw new ValidationError(problems, REFUSED);
      if (command.dryRun) {
        return dossierIds.map((dossierId, i) => {
          const c = checks[i] as Check;
          return c.kind === 'refused'
            ? { dossierId, outcome: 'failed', error: { status: c.status, code: c.code, message: c.message } }
            : { dossierId, outcome: 'ready' };
        });
      }

      return mapLimited(dossierIds, CONCURRENCY, async (dossierId, i): Promise<BulkItemResult> => {
        const c = checks[i] as Check;
        if (c.kind === 'refused')
          return { dossierId, outcome: 'failed', error: { status: c.status, code: c.code, message: c.message } };
        try {
          const outcome = await service.act(
            user,
            dossierId,
            { action, ...(comment ? { comment } : {}) },
            keyOf(dossierId),
          );
          return outcome.completed
            ? { dossierId, outcome: 'decided', result: outcome.result }
            : { dossierId, outcome: 'processing', updateId: outcome.updateId };
        } catch (error) {
          if (error instanceof DomainError)
            return {
              dossierId,
              outcome: 'failed',
              error: { status: error.status, code: error.code, message: error.localized },
            };
          // Unknown whether the decision reached Temporal: a retry with the same Idempotency-Key finds out.
          deps.logger?.error('bulk action item failed', {
            dossierId,
            action,
            error: String((error as Error)?.message ?? error),
          });
          return {
            dossierId,
            outcome: 'failed',
            error: {
              status: 503,
              code: 'unavailable',
              message: {
                vi: 'Dịch vụ tạm thời không sẵn sàng, vui lòng thử lại',
                en: 'Service temporarily unavailable, please retry',
              },
            },
          };
        }
      });
    },
  };
}
