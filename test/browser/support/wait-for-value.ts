import type { Locator } from 'playwright-core';

/**
 * Waits until an input shows `expected` (a widget may fill it after a request, e.g. the unit picker naming the
 * unit), then returns it; after `timeoutMs` returns what it shows, for the caller's assertion to report. `read`
 * turns what the input shows into what is compared (e.g. its digits only).
 */
export async function waitForValue(
  input: Locator,
  expected: string,
  timeoutMs = 10_000,
  read: (shown: string) => string = (shown) => shown,
): Promise<string> {
  const until = Date.now() + timeoutMs;
  let value = read(await input.inputValue());
  while (value !== expected && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = read(await input.inputValue());
  }
  return value;
}
