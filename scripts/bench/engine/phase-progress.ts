import { fmt } from './latency';

/**
 * A one-line progress display on stderr for a phase of fixed duration (redrawn on a terminal, every 10 % otherwise).
 */
export function phaseProgress(label: string, seconds: number, count: () => number): { stop(): void } {
  const started = Date.now();
  const tty = process.stderr.isTTY === true;
  let lastTenth = -1;
  const line = () => {
    const elapsed = (Date.now() - started) / 1000;
    const share = Math.min(1, elapsed / seconds);
    const filled = Math.round(share * 30);
    const done = count();
    return `${label.padEnd(22)} [${'#'.repeat(filled)}${' '.repeat(30 - filled)}] ${Math.round(share * 100)}% ${Math.min(elapsed, seconds).toFixed(0)}/${seconds} s  ${done.toLocaleString('en')} actions  ${fmt(done / Math.max(elapsed, 0.001), 0)}/s`;
  };
  const draw = () => {
    if (tty) process.stderr.write(`\r${line()}`);
    else {
      const tenth = Math.floor(Math.min(1, (Date.now() - started) / 1000 / seconds) * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        process.stderr.write(`${line()}\n`);
      }
    }
  };
  draw();
  const timer = setInterval(draw, tty ? 250 : 1000);
  return {
    stop() {
      clearInterval(timer);
      process.stderr.write(`${tty ? '\r' : ''}${line()} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    },
  };
}
