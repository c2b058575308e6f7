import os from 'node:os';
import type { EngineBenchConfig } from './engine-bench-config';
import { PROCESS_KEY, PROCESS_VERSION } from './engine-dossier';
import { fmt, latency } from './latency';
import type { Kind, PhaseResult } from './phase-result';
import { PROBE_DOSSIERS, type HistoryShape, type Probe } from './probe-dossiers';

const TARGET_RATIO = 0.8;
const TARGET_P95_MS = 400;

const PROCESSES = ['temporal', 'ferretdb', 'worker', 'api', 'ceiling worker'] as const;

interface Summary {
  actions: number;
  perSecond: number;
  perRound: number[];
  lat: ReturnType<typeof latency>;
  byKind: Record<Kind, ReturnType<typeof latency>>;
  cpuPerAction: Record<string, number>;
  grpcPerAction?: number;
}

function summarise(phases: readonly PhaseResult[]): Summary {
  const samples = phases.flatMap((p) => p.samples);
  const wallMs = phases.reduce((sum, p) => sum + p.wallMs, 0);
  const cpuPerAction: Record<string, number> = {};
  for (const name of Object.keys(phases[0]?.cpuMs ?? {})) {
    cpuPerAction[name] = phases.reduce((sum, p) => sum + (p.cpuMs[name] ?? 0), 0) / Math.max(1, samples.length);
  }
  const grpcTotal = phases.every((p) => p.grpc)
    ? phases.reduce((sum, p) => sum + Object.values(p.grpc!).reduce((a, b) => a + b, 0), 0)
    : undefined;
  return {
    actions: samples.length,
    perSecond: samples.length / (wallMs / 1000),
    perRound: phases.map((p) => p.samples.length / (p.wallMs / 1000)),
    lat: latency(samples),
    byKind: {
      create: latency(samples.filter((s) => s.kind === 'create')),
      submit: latency(samples.filter((s) => s.kind === 'submit')),
      decision: latency(samples.filter((s) => s.kind === 'decision')),
    },
    cpuPerAction,
    ...(grpcTotal === undefined ? {} : { grpcPerAction: grpcTotal / Math.max(1, samples.length) }),
  };
}

/** The run's figures as console lines and as the Markdown section of docs/benchmarks.md. */
export function buildEngineReport(
  config: Omit<EngineBenchConfig, 'writeDoc'>,
  phases: readonly PhaseResult[],
  probe: Probe,
  run: { loadBefore: number[]; loadAfter: number[]; runSeconds: number },
): { console: string; markdown: string } {
  const engine = summarise(phases.filter((p) => p.system === 'engine'));
  const raw = summarise(phases.filter((p) => p.system === 'raw'));
  const ratio = engine.perSecond / raw.perSecond;
  const roundRatios = engine.perRound.map((e, i) => e / raw.perRound[i]!);
  const serverCpu = (s: Summary) => PROCESSES.reduce((sum, name) => sum + (s.cpuPerAction[name] ?? 0), 0);
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
  const cpuModel = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const cpuRatio = serverCpu(raw) / serverCpu(engine);
  const coresUsed = (s: Summary) => (serverCpu(s) * s.perSecond) / 1000;
  const ratioMet = ratio >= TARGET_RATIO;
  const p95Met = engine.lat.p95 < TARGET_P95_MS;

  const rows: string[][] = [
    ['Actions measured', engine.actions.toLocaleString('en'), raw.actions.toLocaleString('en')],
    ['Actions per second', fmt(engine.perSecond), fmt(raw.perSecond)],
    ['… per round', engine.perRound.map((x) => fmt(x)).join(', '), raw.perRound.map((x) => fmt(x)).join(', ')],
    ['Latency p50 ms', fmt(engine.lat.p50), fmt(raw.lat.p50)],
    ['Latency p95 ms', fmt(engine.lat.p95), fmt(raw.lat.p95)],
    ['Latency p99 ms', fmt(engine.lat.p99), fmt(raw.lat.p99)],
    ...PROCESSES.map((name) => [
      `CPU ms per action: ${name}`,
      fmt(engine.cpuPerAction[name] ?? 0, 2),
      fmt(raw.cpuPerAction[name] ?? 0, 2),
    ]),
    ['CPU ms per action: all servers above', fmt(serverCpu(engine), 2), fmt(serverCpu(raw), 2)],
    ['Actions per CPU-second of the servers', fmt(1000 / serverCpu(engine)), fmt(1000 / serverCpu(raw))],
    [`Cores the servers used (of ${os.cpus().length})`, fmt(coresUsed(engine), 2), fmt(coresUsed(raw), 2)],
    [
      'CPU ms per action: clients (bench process)',
      fmt(engine.cpuPerAction['clients (bench process)'] ?? 0, 2),
      fmt(raw.cpuPerAction['clients (bench process)'] ?? 0, 2),
    ],
  ];
  const kindRows = (['create', 'submit', 'decision'] as const).map((kind) => [
    kind === 'create' ? 'create (raw: update-with-start)' : kind === 'decision' ? 'decision (3 per dossier)' : 'submit',
    `${fmt(engine.byKind[kind].p50)} / ${fmt(engine.byKind[kind].p95)} / ${fmt(engine.byKind[kind].p99)}`,
    `${fmt(raw.byKind[kind].p50)} / ${fmt(raw.byKind[kind].p95)} / ${fmt(raw.byKind[kind].p99)}`,
  ]);
  const methods = [...new Set(probe.calls.flatMap((p) => Object.keys(p.calls)))].sort();
  const probeRows = probe.calls.map((p, i) => {
    const total = Object.values(p.calls).reduce((a, b) => a + b, 0);
    const byMethod = methods
      .filter((m) => p.calls[m])
      .map((m) => `${m.replace(/^WorkflowService\//, '')} ${fmt(p.calls[m]!, 1).replace(/\.0$/, '')}`);
    return [p.kind, fmt(total, 1), byMethod.join(', '), fmt(probe.alone.engine[i]!), fmt(probe.alone.raw[i]!)];
  });
  const shape = (h: HistoryShape) =>
    `${h.events} events, ${h.workflowTasks} workflow tasks, ${Object.values(h.activities).reduce((a, b) => a + b, 0)} activities (${Object.entries(
      h.activities,
    )
      .map(([name, n]) => `${name} ${n}`)
      .join(', ')})`;

  const table = (header: string[], body: string[][], align: string[]) =>
    [`| ${header.join(' | ')} |`, `| ${align.join(' | ')} |`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');

  const markdown = [
    `Command: \`npm run bench:engine\` (\`tsx scripts/bench/bench-engine.ts\`; \`-- --seconds ${config.seconds} --rounds ${config.rounds} --warmup ${config.warmup} --clients ${config.clients}${config.memory ? ' --memory' : ''}\` are this run's settings), run ${new Date().toISOString().slice(0, 19)}Z,`,
    `Node ${process.version}, ${cpuModel} (${os.cpus().length} logical cores; 1-minute load average ${run.loadBefore[0]!.toFixed(2)} before, ${run.loadAfter[0]!.toFixed(2)} after the run; 1/5/15-minute ${load(run.loadBefore)} before, ${load(run.loadAfter)} after). Run time ${run.runSeconds.toFixed(0)} s.`,
    '',
    `**What runs.** One Temporal CLI dev server (${config.memory ? 'in memory' : 'SQLite file, as `npm start`'}) and the patched FerretDB, started by \`scripts/servers\`; the worker (\`scripts/run-worker.ts\`), the seed and the API (\`scripts/run-api.ts\`) as child processes, as \`npm start\` runs them (the hourly SLA counter check off). The ceiling's worker (\`scripts/bench/engine-ceiling/\`) runs in its own process on its own task queue against the same Temporal server. The clients run in the bench process.`,
    '',
    `**Engine**: ${config.clients} concurrent HTTP clients, each taking one dossier at a time of \`${PROCESS_KEY}@${PROCESS_VERSION}\` (commune → district → city → district fund) through its five human actions: create (\`POST /api/dossiers\` with \`housing-proposal@1\`), submit, and the three approvals with \`housing-review@1\`, \`housing-decision@1\`, \`housing-disbursement@1\` from \`forms/examples/\`, each as its officer (demo users, one session each; the communes round-robin over the six Hà Đông wards). A human action is one HTTP request; every request carries an \`Idempotency-Key\`, as the officer app sends. **Raw ceiling**: ${config.clients} clients with the Temporal client, one workflow per dossier and five updates whose handler runs one no-op activity and returns (the first one is update-with-start, so it also starts the workflow).`,
    '',
    `**Method.** Warm-up of ${config.warmup} s per system, then ${config.rounds} round(s) of raw ${config.seconds} s, engine ${config.seconds} s, alternating, so both see the same machine; figures pool the measured rounds. Latency is each action's time at the client; actions/s counts actions over the phases' wall time. CPU per action is utime + stime from \`/proc/<pid>/stat\` of each process, read before and after each phase, divided by the phase's actions (idle processes of the other system still poll and show a little).`,
    '',
    table(
      ['', `Engine (HTTP API, ${config.clients} clients)`, `Raw ceiling (Temporal client, ${config.clients} clients)`],
      rows,
      ['---', '---:', '---:'],
    ),
    '',
    `**Ratio engine / raw: ${ratio.toFixed(2)}** of the ceiling's actions per second (rounds: ${roundRatios.map((r) => r.toFixed(2)).join(', ')}). Per CPU-second of the servers, which depends much less on what else the machine runs: ${cpuRatio.toFixed(2)}. "Cores the servers used" is their CPU time over the phases' wall time: well under the machine's cores means the phases waited on something else (other load on the machine, or latency the clients sit out).`,
    '',
    `Target (issue 11): engine ≥ ${TARGET_RATIO} of the raw ceiling — ${ratioMet ? 'met' : 'missed'} (${ratio.toFixed(2)}); p95 under ${TARGET_P95_MS} ms at 8 clients — ${p95Met ? 'met' : 'missed'} (${fmt(engine.lat.p95)} ms${config.clients === 8 ? '' : `, measured at ${config.clients} clients`}).`,
    '',
    'Latency by action, p50 / p95 / p99 ms:',
    '',
    table(['Action', 'Engine', 'Raw ceiling'], kindRows, ['---', '---:', '---:']),
    '',
    `**Temporal round trips the API makes** (gRPC calls counted in the API process by \`scripts/bench/engine/count-grpc-calls.ts\`; one dossier at a time, mean of ${PROBE_DOSSIERS} dossiers; the raw ceiling's client makes one per action: the update, or the update-with-start). Over the measured engine phases: ${fmt(engine.grpcPerAction ?? Number.NaN, 2)} calls per action.`,
    '',
    table(['Action', 'Calls', 'By method', 'Alone, engine ms', 'Alone, raw ms'], probeRows, [
      '---',
      '---:',
      '---',
      '---:',
      '---:',
    ]),
    '',
    `"Alone" is the p50 latency of the action with one client at a time (no queueing), over the same ${PROBE_DOSSIERS} dossiers per system.`,
    '',
    `**Temporal history of one finished dossier**: engine ${shape(probe.history.engine)}; raw ceiling ${shape(probe.history.raw)}.`,
    '',
    'Where they come from (`api/dossiers/create-decision-sender.ts` and `create-dossier-creator.ts`): a **decision** is checked against the read model (who may act, the form), then sent as one `decide` update (`executeUpdate`: UpdateWorkflowExecution, answered when the handler has finished); the earlier outcome of the same Idempotency-Key is looked up only after a 403 or 409. A **creation** starts the workflow (StartWorkflowExecution), then sends the `opened` update, which answers once the first step is set up and the read model shows the dossier. The handlers answer after the read-model projection and, on a step change, the due-date computation have run as local activities in the worker.',
  ].join('\n');

  const consoleLines = [
    `${'figure'.padEnd(44)} ${'engine'.padStart(24)} ${'raw ceiling'.padStart(24)}`,
    ...rows.map((r) => `${r[0]!.padEnd(44)} ${r[1]!.padStart(24)} ${r[2]!.padStart(24)}`),
    '',
    'latency by action p50 / p95 / p99 ms:',
    ...kindRows.map((r) => `  ${r[0]!.padEnd(42)} ${r[1]!.padStart(24)} ${r[2]!.padStart(24)}`),
    '',
    `ratio engine/raw: ${ratio.toFixed(2)} (rounds ${roundRatios.map((r) => r.toFixed(2)).join(', ')}; per server CPU-second ${cpuRatio.toFixed(2)}); target ≥ ${TARGET_RATIO}: ${ratioMet ? 'met' : 'missed'}; p95 < ${TARGET_P95_MS} ms: ${p95Met ? 'met' : 'missed'}`,
    `API gRPC calls per action during the engine phases: ${fmt(engine.grpcPerAction ?? Number.NaN, 2)}`,
    "API gRPC calls per engine action (one client at a time), and that action's latency alone, engine / raw:",
    ...probeRows.map((r) => `  ${r[0]!.padEnd(20)} ${r[1]!.padStart(5)}  ${r[2]!.padEnd(80)} ${r[3]} / ${r[4]} ms`),
    `history of one dossier: engine ${shape(probe.history.engine)}`,
    `                        raw    ${shape(probe.history.raw)}`,
    `load average before ${load(run.loadBefore)}, after ${load(run.loadAfter)}; run time ${run.runSeconds.toFixed(0)} s`,
  ];
  return { console: consoleLines.join('\n'), markdown };
}
