import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { failOnExitOrAbort, ManagedProcess, repoRoot, waitForPort } from '../servers';

/**
 * How `npm start` runs its TypeScript children (worker, seed, API, demo-plan loader) as `node --import tsx`
 * processes, logging through `log`, the API on `host`. Each start that waits for readiness stops the child again
 * when it fails, so nothing is left running behind a rejected promise.
 */
export function createChildStarter(deps: { log: (message: string) => void; host: string }) {
  const { log, host } = deps;

  /** `node --import tsx scripts/<file>`, or undefined (with a warning) if the file is missing. */
  function startTsChild(
    name: string,
    file: string,
    env: NodeJS.ProcessEnv,
    onLine?: (line: string) => void,
  ): ManagedProcess | undefined {
    const path = join(repoRoot, 'scripts', file);
    if (!existsSync(path)) {
      log(`warning: scripts/${file} does not exist yet; not starting ${name}`);
      return undefined;
    }
    return ManagedProcess.start({
      name,
      command: process.execPath,
      args: ['--import', 'tsx', path],
      cwd: repoRoot,
      env,
      stopTimeoutMs: 15_000,
      ...(onLine ? { onLine } : {}),
    });
  }

  /**
   * Starts the worker again after a crash and resolves once it polls (its "worker started" line); rejects (after
   * stopping it) if it exits first, takes longer than 120 s, or `signal` aborts. The first start does not wait: the
   * seed runs meanwhile.
   */
  async function restartWorker(env: NodeJS.ProcessEnv, signal: AbortSignal): Promise<ManagedProcess> {
    let ready: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (ready = resolve));
    const worker = startTsChild('worker', 'run-worker.ts', env, (line) => {
      if (line.includes('"message":"worker started"')) ready();
    });
    if (!worker) throw new Error('scripts/run-worker.ts is missing');
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        started,
        failOnExitOrAbort(worker, signal),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('the worker did not start within 120 s')), 120_000);
        }),
      ]);
    } catch (error) {
      await worker.stop();
      throw error;
    } finally {
      clearTimeout(timer);
    }
    return worker;
  }

  /**
   * Starts the API and resolves once its port accepts connections; rejects (after stopping it) if it exits first, the
   * wait times out, or `signal` aborts.
   */
  async function startApi(env: NodeJS.ProcessEnv, port: number, signal: AbortSignal): Promise<ManagedProcess> {
    const api = startTsChild('api', 'run-api.ts', env);
    if (!api) throw new Error('scripts/run-api.ts is missing');
    try {
      await waitForPort({
        host,
        port,
        timeoutMs: 60_000,
        abortReason: () => (api.exit ? `api ${api.describeExit()}` : signal.aborted ? 'stopping' : undefined),
      });
    } catch (error) {
      await api.stop();
      throw error;
    }
    return api;
  }

  return { startTsChild, restartWorker, startApi };
}
