import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

/** Where the replay test (replay-histories.test.ts) finds the recorded histories. */
export const HISTORY_DIR = path.join(__dirname, '..', '..', 'replay', 'histories');

/**
 * Histories are recorded per generation of the workflow code and never overwritten by a later one: the replay test
 * must keep replaying what dossiers started on older code recorded. `sla` = runs with the SLA clock patch (and,
 * recorded later, the local-activities one); `attention` = runs that also flag dossiers for an operator
 * (ATTENTION_PATCH). Bump it (and keep the old files) when the workflow gains a `patched()` branch.
 */
export const HISTORY_GENERATION = 'attention';

/**
 * Whether this run records: HOSO_RECORD_HISTORIES=1 (`npm run replay:record`) adds the histories that are missing,
 * HOSO_RECORD_HISTORIES=overwrite also replaces those already recorded in this generation.
 */
export const recording = (): boolean => ['1', 'overwrite'].includes(process.env.HOSO_RECORD_HISTORIES ?? '');

/**
 * Writes every run of `workflowId` (oldest first, one file per run after continue-as-new) as
 * `<name>-<generation>-run<N>.json`, in the generated message's own JSON form (enum names, base64 bytes), which
 * `History.fromObject` reads back. A history already recorded under that name in this generation is kept: it was
 * made by older code of the same generation, which is exactly what the replay test must go on replaying (within a
 * generation the commands do not change, so a new recording would add nothing). With
 * HOSO_RECORD_HISTORIES=overwrite the old files of that name go first, so no stale run is left behind. Does nothing
 * unless recording; returns the files written.
 */
export async function recordHistory(client: Client, name: string, workflowId: string): Promise<string[]> {
  if (!recording()) return [];
  const prefix = `${name}-${HISTORY_GENERATION}-run`;
  const existing = fs
    .readdirSync(HISTORY_DIR)
    .filter((f) => f.startsWith(prefix) && /^\d+\.json$/.test(f.slice(prefix.length)));
  if (existing.length > 0 && process.env.HOSO_RECORD_HISTORIES !== 'overwrite') return [];
  // From the latest run back through each run's predecessor (no visibility query: the time-skipping test server
  // has none worth the name), then oldest first.
  const runs: temporal.api.history.v1.IHistory[] = [];
  for (let runId: string | undefined = undefined; ;) {
    const history: temporal.api.history.v1.IHistory = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    runs.unshift(history);
    const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
    runId = started?.continuedExecutionRunId || undefined;
    if (!runId) break;
  }
  for (const old of existing) fs.rmSync(path.join(HISTORY_DIR, old));
  const written: string[] = [];
  for (const [i, history] of runs.entries()) {
    const json = temporal.api.history.v1.History.fromObject(history).toJSON();
    const file = `${prefix}${i + 1}.json`;
    fs.writeFileSync(path.join(HISTORY_DIR, file), `${JSON.stringify(json, null, 1)}\n`);
    written.push(file);
  }
  return written;
}
