import { Schema } from 'mongoose';

export type BankStatementJobStatus = 'running' | 'finished' | 'failed';

/**
 * One asynchronous bank-statement import ([funds.md](../docs/funds.md#large-statements-in-the-background)): its
 * progress while the API process works through the lines, then the report of every line. The statement itself is
 * never stored (its descriptions may name recipients): a job whose process stopped cannot resume, and is marked
 * `failed` once its heartbeat is stale; every line it decided was decided whole (one Temporal update per bank
 * transaction), so importing the file again finishes the rest and reports those lines as already imported.
 */
export interface BankStatementJobDoc {
  _id: string;
  fileName: string;
  /** The importing officer (user id): only they read the job. */
  by: string;
  status: BankStatementJobStatus;
  total: number;
  done: number;
  /** The line reports (BankLineReport), by line number, once finished. */
  lines: unknown[];
  /** Why a failed job stopped, in Vietnamese and English. */
  failure: { vi: string; en: string } | null;
  createdAt: Date;
  /** Written at least every few seconds while the job runs; a stale one means its process stopped. */
  heartbeatAt: Date;
  finishedAt: Date | null;
}

export const bankStatementJobSchema = new Schema<BankStatementJobDoc>(
  {
    _id: { type: String, required: true },
    fileName: { type: String, required: true },
    by: { type: String, required: true },
    status: { type: String, required: true, enum: ['running', 'finished', 'failed'] },
    total: { type: Number, required: true },
    done: { type: Number, required: true },
    lines: { type: [Schema.Types.Mixed], default: [] },
    failure: { type: Schema.Types.Mixed, default: null },
    createdAt: { type: Date, required: true },
    heartbeatAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
  },
  { collection: 'bank_statement_jobs', versionKey: false },
);
