import { connect } from 'node:net';

/** Options of {@link waitForPort}. */
export interface WaitForPortOptions {
  readonly host: string;
  readonly port: number;
  /** Give up after this long. Default 60 s. */
  readonly timeoutMs?: number;
  /** Checked before every attempt; a message here stops the wait at once (e.g. "the process exited"). */
  readonly abortReason?: () => string | undefined;
}

/**
 * Resolves once a TCP connection to host:port succeeds, retrying every 100 ms. Rejects after `timeoutMs` with the
 * last connection error, or as soon as `abortReason()` returns a message — so a server that crashes at start
 * fails fast instead of after the whole timeout.
 */
export async function waitForPort(options: WaitForPortOptions): Promise<void> {
  const { host, port, timeoutMs = 60_000, abortReason } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError = 'not tried';
  while (Date.now() < deadline) {
    const reason = abortReason?.();
    if (reason) throw new Error(`stopped waiting for ${host}:${port}: ${reason}`);
    const result = await tryConnect(host, port);
    if (result === true) return;
    lastError = result;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${host}:${port} did not accept connections within ${timeoutMs} ms (last error: ${lastError})`);
}

function tryConnect(host: string, port: number): Promise<true | string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(1_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('connect timeout');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      socket.destroy();
      resolve(error.code ?? error.message);
    });
  });
}
