import type { ManagedProcess } from './managed-process';

/**
 * A promise that rejects as soon as `child` exits or `signal` aborts, for racing against a readiness check: the
 * checks themselves only look between attempts, and one attempt can block for seconds (a MongoDB server selection
 * against a port some other program holds). Never resolves; a rejection after the race is over is swallowed.
 */
export function failOnExitOrAbort(child: ManagedProcess, signal?: AbortSignal): Promise<never> {
  const failed = new Promise<never>((_, reject) => {
    void child.exited.then(() => reject(new Error(`${child.name} ${child.describeExit()}`)));
    if (signal?.aborted) reject(new Error('start-up was cancelled'));
    signal?.addEventListener('abort', () => reject(new Error('start-up was cancelled')), { once: true });
  });
  failed.catch(() => undefined);
  return failed;
}
