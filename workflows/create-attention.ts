import {
  ActivityFailure,
  ApplicationFailure,
  TimeoutFailure,
  log,
  sleep,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { DOSSIER_ATTENTION, DOSSIER_ATTENTION_AT } from './search-attributes';

/**
 * What to do when an activity fails for good (a non-retryable ApplicationFailure: input it cannot use):
 * - `refuse`: rethrow, so that the decision that needed it is refused (see refusalOfActivity);
 * - `retry-later`: flag the dossier for an operator and try again after RETRY_LATER (someone may repair the data
 *   or the registry meanwhile); the work the dossier waits for is never skipped;
 * - `skip`: flag the dossier and go on without the result (for work nothing else depends on: a notification).
 */
export type OnBadInput = 'refuse' | 'retry-later' | 'skip';

/** How long a flagged dossier waits before it tries work that failed for good again. */
export const RETRY_LATER = '15 minutes';

export interface Attention {
  /**
   * Runs an activity call. A failure that retrying cannot cure is handled as `onBadInput` says. A call that is
   * still failing when its schedule-to-close time runs out (an outage: the database is down) flags the dossier
   * and is made again, for as long as it takes: the work is not given up. The flag is cleared by the next call of
   * the same activity that succeeds. Returns undefined only for `skip`.
   */
  attend<T>(activity: string, call: () => Promise<T>, onBadInput: OnBadInput): Promise<T | undefined>;
}

/**
 * The dossier's flag for an operator, kept in the `HosoAttention` search attribute as `<activity>/<reason>`
 * (with `HosoAttentionAt`, when it was raised)
 * (`projectDossier/Retrying`, `projectDossier/DefinitionMissing`, `computeDueAt/InvalidInput`): codes only, no
 * personal data. Operators list flagged dossiers through Temporal (GET /api/admin/attention); each flag is also
 * logged once as an error by the worker, with the dossier id and the activity.
 *
 * `enabled` false (a run recorded before flags existed) makes `attend` a plain call, command for command.
 */
export function createAttention(enabled: boolean): Attention {
  let flag: string | null = null;

  function raise(activity: string, reason: string): void {
    const value = `${activity}/${reason}`;
    if (flag === value) return;
    flag = value;
    upsertSearchAttributes([
      { key: DOSSIER_ATTENTION, value },
      { key: DOSSIER_ATTENTION_AT, value: new Date(Date.now()) },
    ]);
    log.error('dossier needs an operator', { dossierId: workflowInfo().workflowId, activity, reason });
  }

  function clear(activity: string): void {
    if (!flag?.startsWith(`${activity}/`)) return;
    flag = null;
    upsertSearchAttributes([
      { key: DOSSIER_ATTENTION, value: null },
      { key: DOSSIER_ATTENTION_AT, value: null },
    ]);
    log.info('dossier flag cleared', { dossierId: workflowInfo().workflowId, activity });
  }

  return {
    async attend(activity, call, onBadInput) {
      if (!enabled) return call();
      for (;;) {
        try {
          const result = await call();
          clear(activity);
          return result;
        } catch (error) {
          // A remote activity's failure arrives wrapped in an ActivityFailure, a local activity's as it was raised.
          const cause = error instanceof ActivityFailure ? error.cause : error;
          if (cause instanceof ApplicationFailure && cause.nonRetryable) {
            if (onBadInput === 'refuse') throw error;
            raise(activity, cause.type ?? 'InvalidInput');
            if (onBadInput === 'skip') return undefined;
            await sleep(RETRY_LATER);
            continue;
          }
          if (cause instanceof TimeoutFailure) {
            raise(activity, 'Retrying');
            continue;
          }
          throw error;
        }
      }
    },
  };
}
