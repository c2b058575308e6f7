import { Router, type RequestHandler } from 'express';
import type { BankStatementJob, BankStatementReport } from '../../api-contract';
import type { BankStatementJobDoc } from '../../storage/bank-statement-job-schema';
import { authenticatedUser } from '../auth/authenticated-user';
import { pickLanguage } from '../errors';
import type { RequestValidator } from '../validation/create-request-validator';
import { checkedParameters } from '../validation/checked-parameters';
import type { BankLineReport, BankStatementImport } from './create-bank-statement-import';
import type { BankStatementJobs } from './create-bank-statement-jobs';
import type { PaymentOrderList, PaymentOrderQuery } from './create-payment-order-list';

type Language = 'vi' | 'en';

export interface PaymentRouterDeps {
  statements: BankStatementImport;
  jobs: BankStatementJobs;
  orders: PaymentOrderList;
  validateBody: RequestValidator;
  authenticate: RequestHandler;
  idempotency: RequestHandler;
}

/** The lines of a report in the reader's language, and how many lines had each status. */
function presentLines(lines: BankLineReport[], lang: Language) {
  const counts: Record<string, number> = {};
  for (const l of lines) counts[l.status] = (counts[l.status] ?? 0) + 1;
  return {
    counts,
    lines: lines.map(({ problems, error, ...l }) => ({
      ...l,
      ...(problems ? { problems: problems.map((p) => ({ field: p.field, message: p.message[lang] })) } : {}),
      ...(error ? { error: { ...error, message: error.message[lang] } } : {}),
    })),
  };
}

function presentJob(job: BankStatementJobDoc, lang: Language): BankStatementJob {
  return {
    id: job._id,
    fileName: job.fileName,
    status: job.status,
    total: job.total,
    done: job.done,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    ...(job.failure ? { failure: job.failure[lang] } : {}),
    ...(job.status === 'finished' ? presentLines(job.lines as BankLineReport[], lang) : {}),
  };
}

/**
 * The treasury's routes ([funds.md](../../docs/funds.md#the-treasury)): the payment orders it may see, and payments
 * confirmed from the bank's statements, at once for a small file or as a background job for a large one.
 */
export function createPaymentRouter(deps: PaymentRouterDeps): Router {
  const router = Router();
  router.get('/api/payments/orders', deps.authenticate, async (req, res) => {
    res.json(await deps.orders(authenticatedUser(req), checkedParameters<PaymentOrderQuery>(req).query));
  });
  router.post('/api/payments/bank-statements', deps.authenticate, deps.idempotency, async (req, res) => {
    const command = deps.validateBody<{ fileName: string; content: string }>('BankStatementRequest', req.body);
    const lines = await deps.statements.run(authenticatedUser(req), command);
    const lang = pickLanguage(req.get('accept-language'));
    // 202 while a decision is still being applied: the same request with the same Idempotency-Key finishes it (the
    // idempotency layer keeps only final answers), and a new import of the file reports it as already imported.
    const unfinished = lines.some((l) => l.status === 'processing');
    res.status(unfinished ? 202 : 200).json({
      fileName: command.fileName,
      total: lines.length,
      ...presentLines(lines, lang),
    } satisfies BankStatementReport);
  });
  // No Idempotency-Key: a 202 is not a final answer to the idempotency layer. A repeated request starts a second job,
  // which decides nothing twice (each transaction is decided once, see BankStatementImport) and reports it so.
  router.post('/api/payments/bank-statement-imports', deps.authenticate, async (req, res) => {
    const command = deps.validateBody<{ fileName: string; content: string }>('BankStatementImportRequest', req.body);
    const job = await deps.jobs.start(authenticatedUser(req), command);
    res
      .status(202)
      .location(`/api/payments/bank-statement-imports/${job._id}`)
      .json(presentJob(job, pickLanguage(req.get('accept-language'))));
  });
  router.get('/api/payments/bank-statement-imports/:id', deps.authenticate, async (req, res) => {
    const { id } = checkedParameters<unknown, { id: string }>(req).path;
    const job = await deps.jobs.get(authenticatedUser(req), id);
    res.json(presentJob(job, pickLanguage(req.get('accept-language'))));
  });
  return router;
}
