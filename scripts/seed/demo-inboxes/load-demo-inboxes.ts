import type { Models } from '../../../storage/create-models';
import type { apiClient } from '../../lib/api-client';
import { describeRefusal, driveDossier } from '../demo-driver/drive-dossier';
import { insertIfAbsent } from '../demo-driver/insert-if-absent';
import { DEMO_INBOX_DOSSIERS, type DemoInboxDossier } from './demo-inbox-dossiers';
import { demoReceiptTime } from './demo-receipt-time';
import { createOfficialCalendar } from '../../../storage/official-calendar';

export interface DemoInboxesReport {
  dossiers: number;
  created: number;
  decisions: number;
  /** Left by an earlier start. */
  skipped: number;
  /** Entries recorded on the disbursed loans. */
  loanEntries: number;
}

const RETURNED = 'awaiting_supplement';

/** A disbursed loan's entries, each with its own Idempotency-Key, so a restart records none twice. */
async function recordLoanEntries(
  api: ReturnType<typeof apiClient>,
  id: string,
  key: string,
  dossier: DemoInboxDossier,
): Promise<number> {
  const entries = dossier.loan?.entries ?? [];
  for (const [i, body] of entries.entries()) {
    const answer = await api.call('POST', `/api/loans/${id}/entries`, {
      as: dossier.loan!.bank,
      body,
      headers: { 'idempotency-key': `${key}:loan:${i}` },
    });
    if (answer.status !== 201)
      throw new Error(`${dossier.key}: loan entry ${i} answered ${describeRefusal(answer.status, answer.body)}`);
  }
  return entries.length;
}
const marker = (dossier: DemoInboxDossier) => `demo:inboxes:${dossier.key}`;

/**
 * Fills a first start's inboxes (DEMO_INBOX_DOSSIERS): each dossier is created by its commune and decided through
 * the API by the demo's officers, up to the step where it waits. Idempotent and resumable like the Hà Đông plan's
 * loader: the dossier's id is kept in `settings` (`demo:inboxes:<key>`, inserted only if absent) and marked done
 * once it waits where it should; creation and every decision carry an Idempotency-Key. Throws on the first refused
 * request, naming the dossier's key and the status, never the data.
 */
export async function loadDemoInboxes(deps: {
  api: ReturnType<typeof apiClient>;
  models: Models;
}): Promise<DemoInboxesReport> {
  const { api, models } = deps;
  const report: DemoInboxesReport = {
    dossiers: DEMO_INBOX_DOSSIERS.length,
    created: 0,
    decisions: 0,
    skipped: 0,
    loanEntries: 0,
  };
  const calendar = createOfficialCalendar({ models });
  /** A paper dossier's receipt time, relative to now, from its definition as the API serves it. */
  const receiptOf = async (dossier: DemoInboxDossier, paper: NonNullable<DemoInboxDossier['paperReceipt']>) => {
    const definition = await api.call('GET', `/api/processes/${dossier.processKey}/${dossier.processVersion}`, {
      as: dossier.as,
    });
    if (definition.status !== 200)
      throw new Error(`${dossier.key}: its definition answered ${describeRefusal(definition.status, definition.body)}`);
    return demoReceiptTime(calendar, definition.body, paper.unitCode, paper.target, Date.now());
  };
  for (const dossier of DEMO_INBOX_DOSSIERS) {
    const key = marker(dossier);
    if (await models.Setting.exists({ _id: `${key}:done` })) {
      report.skipped += 1;
      continue;
    }
    let id = (await models.Setting.findById(key).lean())?.value;
    if (!id) {
      // The receipt time is kept before the request: a start stopped after the creation sends the same body again
      // under its Idempotency-Key (a later day's receipt would be another body, refused as a reused key).
      let receivedAt: string | undefined;
      if (dossier.paperReceipt) {
        receivedAt = (await models.Setting.findById(`${key}:receivedAt`).lean())?.value;
        if (!receivedAt) {
          await insertIfAbsent(models, `${key}:receivedAt`, await receiptOf(dossier, dossier.paperReceipt));
          receivedAt = (await models.Setting.findById(`${key}:receivedAt`).lean())?.value;
        }
      }
      const created = await api.call('POST', '/api/dossiers', {
        as: dossier.as,
        body: {
          processKey: dossier.processKey,
          processVersion: dossier.processVersion,
          data: dossier.data,
          ...(receivedAt ? { receivedAt } : {}),
        },
        headers: { 'idempotency-key': `${key}:create` },
      });
      if (created.status !== 201)
        throw new Error(`${dossier.key}: creation answered ${describeRefusal(created.status, created.body)}`);
      id = String(created.body.id);
      await insertIfAbsent(models, key, id);
      report.created += 1;
    }
    if (
      dossier.then &&
      (await api.call('GET', `/api/dossiers/${id}`, { as: dossier.reader })).body.status === RETURNED
    ) {
      // Returned by an earlier start that stopped before marking it done: the return is not sent again.
      await insertIfAbsent(models, `${key}:done`, id);
      report.skipped += 1;
      continue;
    }
    const driven = await driveDossier(
      api,
      id,
      key,
      (step) => {
        if (step === dossier.waitAt) return 'stop';
        const move = dossier.moves[step];
        if (!move) throw new Error(`${dossier.key}: no move at ${step}`);
        return move;
      },
      dossier.reader,
    );
    report.decisions += driven.decisions;
    if (driven.currentStep !== dossier.waitAt) throw new Error(`${dossier.key}: stopped at ${driven.currentStep}`);
    report.loanEntries += await recordLoanEntries(api, id, key, dossier);
    if (dossier.then) {
      const answer = await api.call('POST', `/api/dossiers/${id}/actions`, {
        as: dossier.then.as,
        body: dossier.then.body,
        headers: { 'idempotency-key': `${key}:then` },
      });
      if (answer.status !== 200)
        throw new Error(
          `${dossier.key}: ${dossier.then.body.action} answered ${describeRefusal(answer.status, answer.body)}`,
        );
      report.decisions += 1;
    }
    await insertIfAbsent(models, `${key}:done`, id);
  }
  return report;
}
