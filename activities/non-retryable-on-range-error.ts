import { ApplicationFailure } from '@temporalio/activity';

/**
 * Runs a computation whose failure cannot be cured by retrying: the calendar arithmetic throws RangeError for input
 * it cannot place (an invalid instant, no working day or office time within its search window), and the same input
 * fails the same way on every attempt. Such errors become non-retryable ApplicationFailures (type `InvalidInput`),
 * so the workflow refuses the decision instead of retrying it for ever while the dossier's decision lock is held.
 * Anything else (a database error while reading the calendar) is rethrown as it is, and Temporal retries it.
 */
export async function nonRetryableOnRangeError<T>(compute: () => Promise<T>): Promise<T> {
  try {
    return await compute();
  } catch (error) {
    if (error instanceof RangeError) throw ApplicationFailure.nonRetryable(error.message, 'InvalidInput');
    throw error;
  }
}
