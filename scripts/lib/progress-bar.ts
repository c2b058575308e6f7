/** A one-line progress bar on stderr (redrawn in place on a terminal, a line every 10 % otherwise). */
export function createProgressBar(label: string, total: number): { update(done: number): void; finish(): void } {
  const started = Date.now();
  const tty = process.stderr.isTTY === true;
  let lastTenth = -1;
  const line = (done: number) => {
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const width = 30;
    const filled = Math.round(share * width);
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 ? Math.round((total - done) / rate) : 0;
    return `${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${Math.round(share * 100)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${Math.round(rate).toLocaleString('en')}/s ETA ${eta}s`;
  };
  return {
    update(done: number) {
      if (tty) {
        process.stderr.write(`\r${line(done)}`);
        return;
      }
      const tenth = Math.floor((done / Math.max(1, total)) * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        process.stderr.write(`${line(done)}\n`);
      }
    },
    finish() {
      process.stderr.write(`${tty ? '\r' : ''}${line(total)} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    },
  };
}
