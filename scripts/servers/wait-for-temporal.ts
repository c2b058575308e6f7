import { Connection } from '@temporalio/client';

/** Options of {@link waitForTemporal}. */
export interface WaitForTemporalOptions {
  /** host:port of the frontend gRPC service. */
  readonly address: string;
  /** The namespace that must exist. Default `default`. */
  readonly namespace?: string;
  /** Custom search attributes that must already be registered in the namespace (dev servers we start). */
  readonly searchAttributes?: readonly string[];
  /** Give up after this long. Default 60 s. */
  readonly timeoutMs?: number;
  /** Checked before every attempt; a message here stops the wait at once (e.g. "the process exited"). */
  readonly abortReason?: () => string | undefined;
}

/**
 * Resolves once a Temporal frontend at `address` answers `GetSystemInfo`, knows the namespace and (if asked) has the
 * custom search attributes registered — an open port alone is not enough: the dev server opens it before the
 * namespace exists. Retries every 250 ms with a fresh connection (each attempt closes its own). Rejects after
 * `timeoutMs` with the last error, or at once when `abortReason()` returns a message.
 */
export async function waitForTemporal(options: WaitForTemporalOptions): Promise<void> {
  const { address, namespace = 'default', searchAttributes = [], timeoutMs = 60_000, abortReason } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError = 'not tried';
  while (Date.now() < deadline) {
    const reason = abortReason?.();
    if (reason) throw new Error(`stopped waiting for Temporal at ${address}: ${reason}`);
    try {
      await checkOnce(address, namespace, searchAttributes, Math.max(1_000, Math.min(5_000, deadline - Date.now())));
      return;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Temporal at ${address} was not ready within ${timeoutMs} ms (last error: ${lastError})`);
}

async function checkOnce(
  address: string,
  namespace: string,
  searchAttributes: readonly string[],
  timeoutMs: number,
): Promise<void> {
  const connection = await Connection.connect({ address, connectTimeout: timeoutMs });
  try {
    await connection.withDeadline(Date.now() + timeoutMs, async () => {
      await connection.workflowService.getSystemInfo({});
      await connection.workflowService.describeNamespace({ namespace });
      if (searchAttributes.length > 0) {
        const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
        const missing = searchAttributes.filter((name) => !(name in (customAttributes ?? {})));
        if (missing.length > 0) throw new Error(`search attributes not registered yet: ${missing.join(', ')}`);
      }
    });
  } finally {
    await connection.close();
  }
}
