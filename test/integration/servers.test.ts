import { existsSync } from 'node:fs';

import { Connection } from '@temporalio/client';
import mongoose from 'mongoose';

import { SEARCH_ATTRIBUTE_TYPES } from '../../workflows/search-attributes';
import { startTimeSkippingEnvironment } from './support/use-time-skipping-system';

/** temporal.api.enums.v1.IndexedValueType numbers of the CLI's type names we use. */
const INDEXED_VALUE_TYPE: Readonly<Record<string, number>> = { Keyword: 2, Datetime: 6 };

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this test through the jest "integration" project`);
  return value;
}

describe('the integration-test harness', () => {
  it('starts a Temporal dev server that has every custom search attribute registered with its type', async () => {
    const connection = await Connection.connect({ address: requireEnv('HOSO_TEST_TEMPORAL_ADDRESS') });
    try {
      const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace: 'default' });
      const expected = Object.fromEntries(
        Object.entries(SEARCH_ATTRIBUTE_TYPES).map(([name, type]) => [name, INDEXED_VALUE_TYPE[type]]),
      );
      expect(customAttributes).toMatchObject(expected);
    } finally {
      await connection.close();
    }
  });

  it('starts a FerretDB where mongoose writes a document and reads it back', async () => {
    const connection = await mongoose
      .createConnection(requireEnv('HOSO_TEST_MONGODB_URI'), { dbName: `harness_${process.pid}_${Date.now()}` })
      .asPromise();
    try {
      const Probe = connection.model('Probe', new mongoose.Schema({ code: String, count: Number }));
      await Probe.create({ code: 'HARNESS-1', count: 3 });
      const found = await Probe.findOne({ code: 'HARNESS-1' }).lean();
      expect(found).toMatchObject({ code: 'HARNESS-1', count: 3 });
      await connection.dropDatabase();
    } finally {
      await connection.close();
    }
  });

  it('exports the path of the temporal binary for TestWorkflowEnvironment.createLocal', () => {
    expect(existsSync(requireEnv('HOSO_TEMPORAL_BIN'))).toBe(true);
  });

  it("exports Temporal's time-skipping test server, which starts, knows the search attributes and skips a day at once", async () => {
    expect(existsSync(requireEnv('HOSO_TEMPORAL_TEST_SERVER_BIN'))).toBe(true);
    const env = await startTimeSkippingEnvironment();
    try {
      expect(env.supportsTimeSkipping).toBe(true);
      const before = await env.currentTimeMs();
      const started = Date.now();
      await env.sleep(86400_000);
      expect((await env.currentTimeMs()) - before).toBeGreaterThanOrEqual(86400_000);
      expect(Date.now() - started).toBeLessThan(10_000);
      // Registered again: the operator service knows them already.
      await expect(
        env.connection.operatorService.addSearchAttributes({
          namespace: 'default',
          searchAttributes: { HosoStatus: INDEXED_VALUE_TYPE.Keyword! },
        }),
      ).rejects.toThrow(/already exists/);
    } finally {
      await env.teardown();
    }
  });
});
