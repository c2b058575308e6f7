// `npm run bench:engine [-- --seconds S --rounds R --warmup S --clients N --memory --no-doc]`: the performance of one
// decision (issue 11). In one run, on one Temporal dev server:
//   - the engine: the real system (Temporal CLI dev server + patched FerretDB through scripts/servers, the worker,
//     seed and API as in `npm run demo`), driven over HTTP by N concurrent clients (default 8), each taking dossiers of
//     the seed-era housing chain through create, submit and three decisions (district, province, treasury);
//   - the raw ceiling: a minimal workflow of the same shape (scripts/bench/engine-ceiling/), one workflow per
//     dossier and five updates each running one no-op activity, driven by N clients with the Temporal client.
// Phases alternate (warm-up raw, warm-up engine, then raw, engine, … for R rounds) so both see the same machine.
// Reports actions/s, p50/p95/p99 latency, CPU per action of each process (utime+stime from /proc/<pid>/stat), the
// engine/raw ratio, and the Temporal round trips the API makes per action (counted in the API process by
// scripts/bench/engine/count-grpc-calls.ts). Writes docs/benchmarks.md (its own section) unless --no-doc.
// Environment: BENCH_ENGINE_SECONDS, BENCH_ENGINE_ROUNDS, BENCH_ENGINE_WARMUP, BENCH_ENGINE_CLIENTS.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../servers';
import { buildEngineReport } from './engine/build-engine-report';
import { engineBenchConfigOf } from './engine/engine-bench-config';
import { ENGINE_USERNAMES } from './engine/engine-dossier';
import { httpApi } from './engine/http-api';
import type { PhaseResult } from './engine/phase-result';
import { probe } from './engine/probe-dossiers';
import { runPhase } from './engine/run-phase';
import { log, startEngineSystem } from './engine/start-engine-system';
import { replaceMarkdownSection } from './replace-markdown-section';

const heading = '## Engine (`npm run bench:engine`)';
const config = engineBenchConfigOf(process.argv, process.env);

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  const runStarted = Date.now();
  const dataDir = mkdtempSync(join(os.tmpdir(), 'hoso-bench-engine-'));
  const stoppers: (() => Promise<unknown>)[] = [];
  const stopAll = async () => {
    for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
    stoppers.length = 0;
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));
  try {
    log(
      `${config.clients} clients; warm-up ${config.warmup} s per system, then ${config.rounds} round(s) of ${config.seconds} s per system, alternating`,
    );
    const running = await startEngineSystem(dataDir, config.memory, stoppers);
    const api = await httpApi(running.baseUrl, ENGINE_USERNAMES);

    const phases: PhaseResult[] = [];
    await runPhase(running, config, 'raw', 'warm-up raw', config.warmup, api);
    await runPhase(running, config, 'engine', 'warm-up engine', config.warmup, api);
    for (let round = 1; round <= config.rounds; round++) {
      phases.push(await runPhase(running, config, 'raw', `raw ${round}/${config.rounds}`, config.seconds, api));
      phases.push(await runPhase(running, config, 'engine', `engine ${round}/${config.rounds}`, config.seconds, api));
    }
    log("one dossier at a time: the API's Temporal round trips, latency alone, histories …");
    const probed = await probe(running, api);
    await stopAll();
    const loadAfter = os.loadavg();
    const report = buildEngineReport(config, phases, probed, {
      loadBefore,
      loadAfter,
      runSeconds: (Date.now() - runStarted) / 1000,
    });
    process.stdout.write(`\n${report.console}\n`);
    if (config.writeDoc) {
      const file = join(repoRoot, 'docs/benchmarks.md');
      await writeFile(
        file,
        replaceMarkdownSection(
          existsSync(file) ? await readFile(file, 'utf8') : '# Benchmarks\n',
          heading,
          report.markdown,
        ),
      );
      process.stdout.write('written to docs/benchmarks.md\n');
    }
  } finally {
    await stopAll();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
