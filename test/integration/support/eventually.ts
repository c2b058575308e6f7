/**
 * Polls `probe` every `everyMs` until it returns something other than undefined, and returns that; throws after
 * `limitMs` of real time, naming `what` it waited for.
 */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  { limitMs = 30_000, everyMs = 100 }: { limitMs?: number; everyMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
