/** How a plan's run counts the dossiers it has done, written as it goes (see createRunProgress). */
export interface RunProgress {
  /** One more dossier done: written soon, never by two writes at once. */
  step(): void;
  /** Once every write started has finished (the count written is the last one stepped to). */
  settled(): Promise<void>;
}

/**
 * Counts a run's dossiers as they are done (several at once) and writes the count with `write`, one write at a time:
 * a step while a write is on its way is carried by the next write, so the stored count only grows, and a run of a
 * thousand dossiers makes far fewer writes than steps. The store is never read back (FerretDB v1 loses concurrent
 * read-modify-write updates; here the count lives in this process and only `$set` is sent). A failed write is
 * forgotten: the next one carries the count, and the run's own end writes the total.
 */
export function createRunProgress(write: (done: number) => Promise<void>): RunProgress {
  let done = 0;
  let written = 0;
  let writing: Promise<void> | undefined;

  const flush = (): Promise<void> => {
    const count = done;
    written = count;
    return write(count)
      .catch(() => undefined)
      .then(() => {
        writing = done > written ? flush() : undefined;
        return writing;
      });
  };

  return {
    step() {
      done += 1;
      writing ??= flush();
    },
    async settled() {
      while (writing) await writing;
    },
  };
}
