import type { Client } from '@temporalio/client';
import { withinTime } from '../../../../api/dossiers/within-time';

/** A client whose calls see the abort signal `withAbortSignal` gives them, as Temporal's client does. */
function fakeClient() {
  const signals: AbortSignal[] = [];
  let current: AbortSignal | undefined;
  const client = {
    async withAbortSignal<R>(signal: AbortSignal, fn: () => Promise<R>): Promise<R> {
      signals.push(signal);
      current = signal;
      return fn();
    },
  } as unknown as Client;
  /** A poll that answers after `ms`, or rejects when its signal aborts. */
  const poll = (ms: number, value: string) => {
    const signal = current!;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => resolve(value), ms);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(new Error('cancelled'));
      });
    });
  };
  return { client, signals, poll };
}

describe('withinTime', () => {
  it("answers the call's result when it comes in time, and cancels nothing", async () => {
    const { client, signals, poll } = fakeClient();
    await expect(withinTime(client, 200, () => poll(5, 'done'))).resolves.toBe('done');
    expect(signals[0]!.aborted).toBe(false);
  });

  it('answers undefined when the time is up, and cancels the calls still running', async () => {
    const { client, signals, poll } = fakeClient();
    await expect(withinTime(client, 20, () => poll(60_000, 'never'))).resolves.toBeUndefined();
    expect(signals[0]!.aborted).toBe(true);
  });

  it('rejects with the call’s own failure before the time is up', async () => {
    const { client } = fakeClient();
    await expect(withinTime(client, 200, () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
  });
});
