/**
 * `npm start`'s (and `npm run demo`'s) prestart: installs the pinned servers the project starts itself and builds the
 * web bundle, unless an instance already runs with this data folder (HOSO_DATA_DIR, see runningInstance). Then it
 * says so and exits 0 having touched nothing, so the running instance keeps serving the bundle it was started with;
 * `scripts/start.ts` runs next, finds the lock taken and stops with its own message (exit 1).
 *
 * A failing install or build exits with that step's code, which stops `npm start` before anything runs.
 */
import { spawnSync } from 'node:child_process';
import { dataDirOf } from './lib/runtime-config';
import { repoRoot } from './servers/repo-root';
import { runningInstance } from './servers/running-instance';

const dataDir = dataDirOf(process.env);
const running = runningInstance(dataDir);
if (running !== undefined) {
  process.stdout.write(
    `[hoso] hoso is already running (pid ${running}) with data in ${dataDir}; the web bundle is left as it is\n`,
  );
  process.exit(0);
}
for (const [command, args] of [
  ['bash', ['scripts/install-servers.sh', '--skip-external']],
  ['npm', ['run', 'build:web']],
] as const) {
  const step = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (step.status !== 0) process.exit(step.status ?? 1);
}
