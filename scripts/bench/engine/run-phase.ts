import type { EngineBenchConfig } from './engine-bench-config';
import { engineDossier } from './engine-dossier';
import type { HttpApi } from './http-api';
import { phaseProgress } from './phase-progress';
import type { PhaseResult, Sample, System } from './phase-result';
import { processCpuMs } from './process-cpu-ms';
import { rawDossier } from './raw-dossier';
import type { Running } from './start-engine-system';

/** What grew between two counts, by key (the keys that did not grow are left out). */
export function subtract(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(after))
    if (value - (before[key] ?? 0) > 0) out[key] = value - (before[key] ?? 0);
  return out;
}

/** Runs `clients` loops of dossiers for `seconds` (the action in flight at the deadline is finished and counted). */
export async function runPhase(
  running: Running,
  config: Pick<EngineBenchConfig, 'clients'>,
  system: System,
  label: string,
  seconds: number,
  api: HttpApi,
): Promise<PhaseResult> {
  const pids: Record<string, number> = {
    temporal: running.temporal.process.pid!,
    ferretdb: running.ferret.process.pid!,
    worker: running.worker.pid!,
    api: running.api.pid!,
    'ceiling worker': running.ceiling.pid!,
  };
  const samples: Sample[] = [];
  const grpcBefore = system === 'engine' ? await running.grpcCalls() : undefined;
  const cpuBefore = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, processCpuMs(pid)]));
  const clientCpuBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const progress = phaseProgress(label, seconds, () => samples.length);
  const loop = async (client: number) => {
    while (performance.now() < deadline) {
      for (const action of (system === 'engine' ? engineDossier(api, client) : rawDossier(running.temporalClient))
        .actions) {
        if (performance.now() >= deadline) return;
        const t0 = performance.now();
        await action.run();
        samples.push({ kind: action.kind, ms: performance.now() - t0 });
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: config.clients }, (_, client) => loop(client)));
  } finally {
    progress.stop();
  }
  const wallMs = performance.now() - started;
  const clientCpu = process.cpuUsage(clientCpuBefore);
  const cpuMs = Object.fromEntries(
    Object.entries(pids).map(([name, pid]) => [name, processCpuMs(pid) - cpuBefore[name]!]),
  );
  cpuMs['clients (bench process)'] = (clientCpu.user + clientCpu.system) / 1000;
  const grpc = grpcBefore ? subtract(await running.grpcCalls(), grpcBefore) : undefined;
  await new Promise((resolve) => setTimeout(resolve, 1_000)); // let the last activities settle before the next phase
  return { system, wallMs, samples, cpuMs, ...(grpc ? { grpc } : {}) };
}
