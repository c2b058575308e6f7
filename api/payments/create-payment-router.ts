import { Router, type RequestHandler } from 'express';
import type { BankStatementReport } from '../../api-contract';
import { authenticatedUser } from '../auth/authenticated-user';
import { pickLanguage } from '../errors';
import type { RequestValidator } from '../validation/create-request-validator';
import type { BankStatementImport } from './create-bank-statement-import';

export interface PaymentRouterDeps {
  statements: BankStatementImport;
  validateBody: RequestValidator;
  authenticate: RequestHandler;
  idempotency: RequestHandler;
}

/** Payments confirmed from outside: the bank's statements ([funds.md](../../docs/funds.md#bank-statements)). */
export function createPaymentRouter(deps: PaymentRouterDeps): Router {
  const router = Router();
  router.post('/api/payments/bank-statements', deps.authenticate, deps.idempotency, async (req, res) => {
    const command = deps.validateBody<{ fileName: string; content: string }>('BankStatementRequest', req.body);
    const lines = await deps.statements.run(authenticatedUser(req), command);
    const lang = pickLanguage(req.get('accept-language'));
    const counts: Record<string, number> = {};
    for (const l of lines) counts[l.status] = (counts[l.status] ?? 0) + 1;
    // 202 while a decision is still being applied: the same request with the same Idempotency-Key finishes it (the
    // idempotency layer keeps only final answers), and a new import of the file reports it as already imported.
    const unfinished = lines.some((l) => l.status === 'processing');
    res.status(unfinished ? 202 : 200).json({
      fileName: command.fileName,
      total: lines.length,
      counts,
      lines: lines.map(({ problems, error, ...l }) => ({
        ...l,
        ...(problems ? { problems: problems.map((p) => ({ field: p.field, message: p.message[lang] })) } : {}),
        ...(error ? { error: { ...error, message: error.message[lang] } } : {}),
      })),
    } satisfies BankStatementReport);
  });
  return router;
}
