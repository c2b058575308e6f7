import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Client } from '@temporalio/client';
import type { Connection } from 'mongoose';
import { createHealthRouter } from '../../../../api/health/create-health-router';

const NOW = Date.parse('2026-12-05T03:00:00Z');
const at = (ms: number) => ({ seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1e6 });

/** The parts of the Temporal client and the mongoose connection that /healthz uses, with answers the test sets. */
function fakes() {
  const state = {
    database: true,
    temporal: true,
    /** Last access times of the listed pollers, as ms since the epoch. */
    pollers: [NOW - 3_000] as number[],
    describeCalls: [] as unknown[],
  };
  const temporal = {
    options: { namespace: 'ns' },
    workflowService: {
      getSystemInfo: async () => {
        if (!state.temporal) throw new Error('UNAVAILABLE');
        return {};
      },
      describeTaskQueue: async (request: unknown) => {
        state.describeCalls.push(request);
        if (!state.temporal) throw new Error('UNAVAILABLE');
        return { pollers: state.pollers.map((ms) => ({ identity: 'w', lastAccessTime: at(ms) })) };
      },
    },
  } as unknown as Client;
  const db = {
    db: {
      command: async () => {
        if (!state.database) throw new Error('connection refused');
        return { ok: 1 };
      },
    },
  } as unknown as Connection;
  return { state, temporal, db };
}

interface Served {
  get(): Promise<{ status: number; body: any }>;
  close(): void;
}

async function serve(router: express.Router): Promise<Served> {
  const app = express().use(router);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    async get() {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      return { status: res.status, body: await res.json() };
    },
    close: () => server.close(),
  };
}

describe('GET /healthz', () => {
  let clock = NOW;
  let server: Served;
  let f: ReturnType<typeof fakes>;
  beforeEach(async () => {
    clock = NOW;
    f = fakes();
    server = await serve(
      createHealthRouter({
        temporal: f.temporal,
        db: f.db,
        taskQueue: 'dossiers',
        workerPollMaxAgeMs: 10_000,
        cacheMs: 1_000,
        now: () => clock,
      }),
    );
  });
  afterEach(() => server.close());

  it('answers 200 ok, serving, when the database, Temporal and a worker all answer', async () => {
    expect(await server.get()).toEqual({
      status: 200,
      body: { status: 'ok', serving: true, database: 'ok', temporal: 'ok', worker: 'ok' },
    });
    expect(f.state.describeCalls).toEqual([
      expect.objectContaining({ namespace: 'ns', taskQueue: expect.objectContaining({ name: 'dossiers' }) }),
    ]);
  });

  it.each([
    ['no poller is listed', []],
    ['the newest poll is older than the limit', [NOW - 10_001, NOW - 60_000]],
  ])('answers 503 degraded but serving when %s', async (_case, pollers) => {
    f.state.pollers = pollers;
    expect(await server.get()).toEqual({
      status: 503,
      body: { status: 'degraded', serving: true, database: 'ok', temporal: 'ok', worker: 'unavailable' },
    });
  });

  it('counts a worker as polling when any of its pollers is recent', async () => {
    f.state.pollers = [NOW - 200_000, NOW - 9_000];
    expect((await server.get()).body.worker).toBe('ok');
  });

  it('is not serving when the database or Temporal fails, and names the failing check', async () => {
    f.state.database = false;
    expect(await server.get()).toEqual({
      status: 503,
      body: { status: 'degraded', serving: false, database: 'unavailable', temporal: 'ok', worker: 'ok' },
    });
    clock += 1_000;
    f.state.database = true;
    f.state.temporal = false;
    expect((await server.get()).body).toEqual({
      status: 'degraded',
      serving: false,
      database: 'ok',
      temporal: 'unavailable',
      worker: 'unavailable',
    });
  });

  it('reuses a report within the cache time and measures again after it', async () => {
    await server.get();
    f.state.pollers = [];
    clock += 999;
    expect((await server.get()).status).toBe(200);
    expect(f.state.describeCalls).toHaveLength(1);
    clock += 1;
    expect((await server.get()).status).toBe(503);
    expect(f.state.describeCalls).toHaveLength(2);
  });
});
