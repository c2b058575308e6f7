import { mapLimited } from '../../../../api/dossiers/map-limited';

/** A promise resolved from outside, to control when each call finishes. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('mapLimited', () => {
  it('keeps the order of the items and never runs more calls at once than the limit', async () => {
    const gates = Array.from({ length: 5 }, () => deferred<void>());
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const all = mapLimited([10, 20, 30, 40, 50], 2, async (item, index) => {
      started.push(index);
      running++;
      most = Math.max(most, running);
      await gates[index]!.promise;
      running--;
      return item + index;
    });
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    gates[1]!.resolve();
    gates[0]!.resolve();
    for (const gate of gates.slice(2)) gate.resolve();
    expect(await all).toEqual([10, 21, 32, 43, 54]);
    expect(most).toBe(2);
    expect(started.sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('rejects with the first failure and starts no further calls', async () => {
    const started: number[] = [];
    await expect(
      mapLimited([1, 2, 3, 4], 1, async (item) => {
        started.push(item);
        if (item === 2) throw new Error('boom');
        return item;
      }),
    ).rejects.toThrow('boom');
    expect(started).toEqual([1, 2]);
  });

  it('answers an empty list at once and refuses a limit below 1', async () => {
    expect(await mapLimited([], 3, async () => 1)).toEqual([]);
    await expect(mapLimited([1], 0, async () => 1)).rejects.toThrow(RangeError);
  });
});
