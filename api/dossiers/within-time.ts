import type { Client } from '@temporalio/client';

/**
 * `call`'s result, or undefined once `ms` have passed, when its Temporal calls are cancelled. Without that, the
 * client polls an update's result until the update completes: for ever for a dossier waiting on an operator, one
 * poll per request that gave up waiting. Cancelling the poll leaves the update to Temporal; a retry with the same
 * update id finds it. A failure of `call` before the time is up rejects.
 */
export async function withinTime<R>(client: Client, ms: number, call: () => Promise<R>): Promise<R | undefined> {
  const abort = new AbortController();
  const calling = client.withAbortSignal(abort.signal, call);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    const result = await Promise.race([calling, late]);
    if (result === undefined) {
      calling.catch(() => undefined); // the cancellation's rejection
      abort.abort();
    }
    return result;
  } finally {
    clearTimeout(timer);
  }
}
