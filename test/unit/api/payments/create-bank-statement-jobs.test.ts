import type { Models } from '../../../../storage/create-models';
import type { BankStatementJobDoc } from '../../../../storage/bank-statement-job-schema';
import type { AuthenticatedUser } from '../../../../api/auth/authenticated-user';
import type { BankLineReport, BankStatementImport } from '../../../../api/payments/create-bank-statement-import';
import { createBankStatementJobs, JOB_STALE_MS } from '../../../../api/payments/create-bank-statement-jobs';
import { NotFoundError } from '../../../../api/errors';

const treasurer: AuthenticatedUser = { id: 'khobac.hanoi', displayName: 'Kho bạc', grants: [] };

/** The jobs collection in memory: create, updateOne with $set, findById(...).lean(). */
function fakeModels() {
  const jobs = new Map<string, BankStatementJobDoc>();
  const writes: Partial<BankStatementJobDoc>[] = [];
  const BankStatementJob = {
    create: async (doc: BankStatementJobDoc) => void jobs.set(doc._id, { ...doc }),
    updateOne: async (filter: { _id: string; status?: string }, update: { $set: Partial<BankStatementJobDoc> }) => {
      const job = jobs.get(filter._id);
      if (!job || (filter.status && job.status !== filter.status)) return;
      writes.push(update.$set);
      Object.assign(job, update.$set);
    },
    findById: (id: string) => ({ lean: async () => (jobs.has(id) ? { ...jobs.get(id)! } : null) }),
  };
  return { models: { BankStatementJob } as unknown as Models, jobs, writes };
}

/** A statement of `total` lines whose decisions the test releases one by one. */
function steppedImport(total: number, fail = false) {
  const gates: (() => void)[] = [];
  const statements: BankStatementImport = {
    run: async () => [],
    prepare: (_user, command) => ({ fileName: command.fileName, lines: [], bad: [], total }),
    decideAll: async (_user, _statement, progress = async () => undefined) => {
      const reports: BankLineReport[] = [];
      for (let line = 2; line < total + 2; line++) {
        await new Promise<void>((resolve) => gates.push(resolve));
        if (fail) throw new Error('database gone');
        reports.push({ line, status: 'unknown_reference', transactionId: `FT${line}` });
        await progress(reports.length);
      }
      return reports;
    },
  };
  const release = async () => {
    while (gates.length === 0) await new Promise((r) => setImmediate(r));
    gates.shift()!();
    await new Promise((r) => setImmediate(r));
  };
  return { statements, release };
}

describe('background bank-statement jobs', () => {
  it('records the job, writes each line done, then the report; only its officer reads it', async () => {
    const { models, jobs } = fakeModels();
    const { statements, release } = steppedImport(3);
    const service = createBankStatementJobs({ models, statements, logger: { error: () => undefined } });
    const job = await service.start(treasurer, { fileName: 'sk.csv', content: 'x' });
    expect(job).toMatchObject({ status: 'running', total: 3, done: 0, by: 'khobac.hanoi' });
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) {
      await release();
      seen.push((await service.get(treasurer, job._id)).done);
    }
    await service.idle();
    expect(seen).toEqual([1, 2, 3]);
    expect(jobs.get(job._id)).toMatchObject({ status: 'finished', done: 3, failure: null });
    expect(jobs.get(job._id)?.lines).toHaveLength(3);
    await expect(service.get({ ...treasurer, id: 'quy.hadong' }, job._id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(service.get(treasurer, 'no-such-job')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('marks a job failed, with what to do, when deciding its lines throws', async () => {
    const { models, jobs } = fakeModels();
    const { statements, release } = steppedImport(2, true);
    const errors: string[] = [];
    const service = createBankStatementJobs({ models, statements, logger: { error: (m) => errors.push(m) } });
    const job = await service.start(treasurer, { fileName: 'sk.csv', content: 'x' });
    await release();
    await service.idle();
    expect(jobs.get(job._id)).toMatchObject({ status: 'failed', failure: { vi: expect.stringContaining('nhập lại') } });
    expect(errors).toEqual(['bank statement job failed']);
  });

  it('marks a running job whose heartbeat is stale as interrupted when read, and leaves a live one running', async () => {
    const { models, jobs } = fakeModels();
    let now = new Date('2026-05-08T03:00:00Z');
    const { statements } = steppedImport(0);
    const service = createBankStatementJobs({
      models,
      statements,
      logger: { error: () => undefined },
      now: () => now,
    });
    const base = { fileName: 'sk.csv', by: 'khobac.hanoi', status: 'running' as const, total: 10, done: 4 };
    const common = { lines: [], failure: null, createdAt: now, finishedAt: null };
    jobs.set('live', { _id: 'live', ...base, ...common, heartbeatAt: new Date(now.getTime() - JOB_STALE_MS) });
    jobs.set('stale', { _id: 'stale', ...base, ...common, heartbeatAt: new Date(now.getTime() - JOB_STALE_MS - 1) });
    expect((await service.get(treasurer, 'live')).status).toBe('running');
    const stale = await service.get(treasurer, 'stale');
    expect(stale).toMatchObject({
      status: 'failed',
      done: 4,
      failure: { en: expect.stringContaining('import the file again') },
    });
    expect(jobs.get('stale')?.status).toBe('failed');
    now = new Date(now.getTime() + 1);
    expect((await service.get(treasurer, 'live')).status).toBe('failed');
  });
});
