import { createRunProgress } from '../../../../api/transition/create-run-progress';

/** A store whose writes wait until released, recording each count sent and how many were on their way at once. */
function heldStore() {
  const sent: number[] = [];
  const waiting: (() => void)[] = [];
  let onTheirWay = 0;
  let most = 0;
  const write = (done: number) => {
    sent.push(done);
    onTheirWay += 1;
    most = Math.max(most, onTheirWay);
    return new Promise<void>((resolve) =>
      waiting.push(() => {
        onTheirWay -= 1;
        resolve();
      }),
    );
  };
  const releaseOne = async () => {
    waiting.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { write, sent, releaseOne, most: () => most, waiting };
}

describe('a run’s progress', () => {
  it('writes one count at a time, carries the steps made meanwhile in the next write, and ends on the last count', async () => {
    const store = heldStore();
    const progress = createRunProgress(store.write);
    progress.step();
    progress.step();
    progress.step();
    expect(store.sent).toEqual([1]);
    await store.releaseOne();
    expect(store.sent).toEqual([1, 3]);
    progress.step();
    await store.releaseOne();
    expect(store.sent).toEqual([1, 3, 4]);
    const settled = progress.settled();
    await store.releaseOne();
    await settled;
    expect(store.sent).toEqual([1, 3, 4]);
    expect(store.most()).toBe(1);
    expect(store.waiting).toEqual([]);
  });

  it('goes on after a failed write: the next one carries the count', async () => {
    const sent: number[] = [];
    let fail = true;
    const progress = createRunProgress(async (done) => {
      sent.push(done);
      if (fail) {
        fail = false;
        throw new Error('store unavailable');
      }
    });
    progress.step();
    progress.step();
    await progress.settled();
    expect(sent).toEqual([1, 2]);
  });

  it('writes nothing for a run without dossiers', async () => {
    const sent: number[] = [];
    const progress = createRunProgress(async (done) => void sent.push(done));
    await progress.settled();
    expect(sent).toEqual([]);
  });
});
