import mongoose from 'mongoose';

import { redactMongoUri } from './redact-mongo-uri';

/** Options of {@link waitForMongoDb}. */
export interface WaitForMongoDbOptions {
  readonly uri: string;
  /** Give up after this long. Default 60 s. */
  readonly timeoutMs?: number;
  /** Checked before every attempt; a message here stops the wait at once (e.g. "the process exited"). */
  readonly abortReason?: () => string | undefined;
}

/**
 * Resolves once the MongoDB-wire server at `uri` answers `ping` (FerretDB accepts TCP connections a moment before
 * it serves commands). Each attempt opens and closes its own mongoose connection, so the caller's default mongoose
 * connection is untouched. Retries every 250 ms; rejects after `timeoutMs` with the last error, or at once when
 * `abortReason()` returns a message. Credentials in the URI never appear in error messages.
 */
export async function waitForMongoDb(options: WaitForMongoDbOptions): Promise<void> {
  const { uri, timeoutMs = 60_000, abortReason } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError = 'not tried';
  while (Date.now() < deadline) {
    const reason = abortReason?.();
    if (reason) throw new Error(`stopped waiting for MongoDB at ${redactMongoUri(uri)}: ${reason}`);
    const connection = mongoose.createConnection(uri, {
      serverSelectionTimeoutMS: Math.max(1_000, Math.min(5_000, deadline - Date.now())),
      autoCreate: false,
      autoIndex: false,
    });
    try {
      await connection.asPromise();
      await connection.db?.admin().ping();
      return;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    } finally {
      await connection.close().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`MongoDB at ${redactMongoUri(uri)} was not ready within ${timeoutMs} ms (last error: ${lastError})`);
}
