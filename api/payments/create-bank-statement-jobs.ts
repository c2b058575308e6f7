import { randomUUID } from 'node:crypto';
import type { Models } from '../../storage/create-models';
import type { BankStatementJobDoc } from '../../storage/bank-statement-job-schema';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { NotFoundError } from '../errors';
import type { BankLineReport, BankStatementImport } from './create-bank-statement-import';

/** The most transaction lines one background import may hold (each is a decision, taken one after the other). */
export const MAX_JOB_LINES = 5_000;
/** How often a running job writes its heartbeat, besides after each line. */
export const JOB_HEARTBEAT_MS = 5_000;
/** A running job whose heartbeat is older than this is taken as stopped with its process (marked failed). */
export const JOB_STALE_MS = 120_000;

export interface BankStatementJobs {
  /**
   * Checks the statement as the synchronous import does (403 without a treasury role, 422 at /content without a
   * transaction line or beyond MAX_JOB_LINES), records the job and starts deciding its lines in this process
   * without waiting; the answer is the job as first recorded. The statement is kept in memory only.
   */
  start(user: AuthenticatedUser, command: { fileName: string; content: string }): Promise<BankStatementJobDoc>;
  /**
   * The job, for the officer who started it (404 for anyone else, and for an unknown id). A job still `running`
   * whose heartbeat is older than JOB_STALE_MS (its process stopped: a restart, a crash) is marked `failed` here,
   * with the advice to import the file again.
   */
  get(user: AuthenticatedUser, id: string): Promise<BankStatementJobDoc>;
  /** Resolves once every job this process started has ended (tests, a clean shutdown). */
  idle(): Promise<void>;
}

const INTERRUPTED = {
  vi: 'Việc nhập sao kê bị dừng giữa chừng (máy chủ khởi động lại). Các giao dịch đã xử lý được ghi nhận trọn vẹn; hãy nhập lại tệp, các dòng đó sẽ được báo là đã nhập trước đó.',
  en: 'The import stopped part-way (the server restarted). Every transaction it decided was recorded whole; import the file again and those lines are reported as already imported.',
};
const CRASHED = {
  vi: 'Việc nhập sao kê gặp lỗi máy chủ. Các giao dịch đã xử lý được ghi nhận trọn vẹn; hãy nhập lại tệp.',
  en: 'The import met a server error. Every transaction it decided was recorded whole; import the file again.',
};

/**
 * Background bank-statement imports for files too large to decide within one request: `start` answers at once,
 * the lines are decided by `BankStatementImport.decideAll` in this process, and the job's `done` count is written
 * after each line so the page can show progress. A job cannot outlive its process (the statement is not stored);
 * nothing is half-done when it stops, because each transaction's decision is one idempotent Temporal update.
 */
export function createBankStatementJobs(deps: {
  models: Models;
  statements: BankStatementImport;
  logger: { error(message: string, fields?: Record<string, unknown>): void };
  now?: () => Date;
  heartbeatMs?: number;
}): BankStatementJobs {
  const { models, statements, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const heartbeatMs = deps.heartbeatMs ?? JOB_HEARTBEAT_MS;
  const running = new Set<Promise<void>>();

  async function work(user: AuthenticatedUser, id: string, prepared: ReturnType<BankStatementImport['prepare']>) {
    const beat = setInterval(() => {
      models.BankStatementJob.updateOne({ _id: id }, { $set: { heartbeatAt: now() } }).catch(() => undefined);
    }, heartbeatMs);
    try {
      let lines: BankLineReport[];
      try {
        lines = await statements.decideAll(user, prepared, async (done) => {
          await models.BankStatementJob.updateOne({ _id: id }, { $set: { done, heartbeatAt: now() } });
        });
      } catch (error) {
        logger.error('bank statement job failed', { jobId: id, error: String(error) });
        await models.BankStatementJob.updateOne(
          { _id: id },
          { $set: { status: 'failed', failure: CRASHED, finishedAt: now() } },
        );
        return;
      }
      await models.BankStatementJob.updateOne(
        { _id: id },
        { $set: { status: 'finished', done: prepared.total, lines, finishedAt: now(), heartbeatAt: now() } },
      );
    } finally {
      clearInterval(beat);
    }
  }

  return {
    async start(user, command) {
      const prepared = statements.prepare(user, command, MAX_JOB_LINES);
      const at = now();
      const job: BankStatementJobDoc = {
        _id: randomUUID(),
        fileName: command.fileName,
        by: user.id,
        status: 'running',
        total: prepared.total,
        done: 0,
        lines: [],
        failure: null,
        createdAt: at,
        heartbeatAt: at,
        finishedAt: null,
      };
      await models.BankStatementJob.create(job);
      const task = work(user, job._id, prepared).catch((error: unknown) =>
        logger.error('bank statement job could not record its end', { jobId: job._id, error: String(error) }),
      );
      running.add(task);
      void task.finally(() => running.delete(task));
      return job;
    },
    async get(user, id) {
      const job = await models.BankStatementJob.findById(id).lean<BankStatementJobDoc>();
      if (!job || job.by !== user.id) throw new NotFoundError('bank statement import');
      if (job.status === 'running' && now().getTime() - job.heartbeatAt.getTime() > JOB_STALE_MS) {
        const failed = { status: 'failed' as const, failure: INTERRUPTED, finishedAt: now() };
        await models.BankStatementJob.updateOne({ _id: id, status: 'running' }, { $set: failed });
        return { ...job, ...failed };
      }
      return job;
    },
    async idle() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
