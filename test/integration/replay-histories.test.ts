import fs from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';

/**
 * Replays every recorded history (test/replay/histories, written by dossier-workflow.test.ts with
 * HOSO_RECORD_HISTORIES=1) with the current workflow code. A change that would break dossiers already running —
 * a different order of commands, a removed handler — fails here instead of in production. When a change is
 * meant to be incompatible, version it with `patched()`; only then re-record.
 */
const dir = path.join(__dirname, '..', 'replay', 'histories');
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('recorded dossier histories', () => {
  it('are present (at least a completed chain, a rejection and a withdrawal)', () => {
    expect(files.some((f) => f.startsWith('seed-era-returns-continue-as-new'))).toBe(true);
    expect(files.some((f) => f.startsWith('post-reform-rejected'))).toBe(true);
    expect(files.some((f) => f.startsWith('seed-era-withdrawn'))).toBe(true);
  });

  it('cover both generations: dossiers started before the SLA clock (no patch marker) and with it', () => {
    const generations = new Set(files.map((f) => (/-sla-run\d+\.json$/.test(f) ? 'sla' : 'pre-sla')));
    expect([...generations].sort()).toEqual(['pre-sla', 'sla']);
    // The SLA histories hold the patch marker, timers that decisions cancelled and timers that fired.
    const slaHistory = files
      .filter((f) => f.includes('-sla-run'))
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
      .join('\n');
    expect(slaHistory).toContain('EVENT_TYPE_MARKER_RECORDED');
    expect(slaHistory).toContain('EVENT_TYPE_TIMER_STARTED');
    expect(slaHistory).toContain('EVENT_TYPE_TIMER_CANCELED');
    expect(slaHistory).toContain('EVENT_TYPE_TIMER_FIRED');
  });

  it('replay without nondeterminism on the current workflow code', async () => {
    const histories = files.map((file) => ({
      workflowId: file.replace(/\.json$/, ''),
      history: temporal.api.history.v1.History.fromObject(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))),
    }));
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories(
      { workflowsPath: require.resolve('../../workflows') },
      histories,
    )) {
      if (result.error) failures.push(`${result.workflowId}: ${String(result.error)}`);
    }
    expect(failures).toEqual([]);
    expect(histories.length).toBe(files.length);
  });
});
