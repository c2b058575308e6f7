// Tranches paid exactly once while the worker is killed (issue 14, item 6): 100 housing dossiers on
// housing-support-2025@5, split across three funds, brought to the treasury's confirmation of their advance through
// the API as the officers do; then every confirmation is sent at once (some twice with the same Idempotency-Key, some
// twice with two keys, some failed first and reissued) and the worker (a child process, as in production) is killed
// with SIGKILL while the settle activities run: after the first ledger payments and before the last. It is started
// again and every request is repeated with its key until final. A fifth of the dossiers then go through the completion
// acceptance and the second tranche, with a second SIGKILL during those payments. Afterwards, recomputed from the
// collections themselves: one paid order per dossier and tranche, one ledger payment per order and fund, each
// dossier paid what it was ordered, every ledger balanced entry by entry, the read model (inbox) equal to the
// workflows, and the fund summary, the ledger workbooks and the payment lists equal to the sums of the entries.
import ExcelJS from 'exceljs';
import { temporal } from '@temporalio/proto';
import { mapLimited } from '../../api/dossiers/map-limited';
import { createLedger } from '../../api/funds/create-ledger';
import { balanceOf, LEDGER_ENTRY_KINDS, type LedgerEntryKind } from '../../domain/funds/ledger-balance';
import { vietnamDate } from '../../domain/time/vietnam-date';
import { DEMO_FUNDS } from '../../scripts/seed/seed-demo-funds';
import type { LedgerEntryDoc } from '../../storage/ledger-entry-schema';
import type { PaymentOrderDoc } from '../../storage/payment-order-schema';
import { example, proposalIn, withNewHousehold } from '../integration/support/form-examples';
import { insertFund } from '../integration/support/insert-fund';
import { POST_REFORM } from '../integration/support/load/dossier-plans';
import { startLoadSystem, type LoadSystem } from '../integration/support/load/start-load-system';
import { waitUntilQuiescent } from '../integration/support/load/wait-until-quiescent';
import { pdfText } from '../integration/support/pdf-text';
import { createRetryingClient, type FinalAnswer, type RetryingClient } from '../integration/support/retrying-client';

const DOSSIERS = Number(process.env.HOSO_PAYMENT_FAULT_DOSSIERS ?? 100);
/** Concurrent clients while the dossiers are brought to the confirmation (the confirmations are all sent at once). */
const CLIENTS = 12;
const M = 1_000_000;
const APPROVED = 100 * M;
const ADVANCE = 50 * M;
const COMMUNES = POST_REFORM;
const [POOR, BUDGET] = DEMO_FUNDS.map((f) => f._id) as [string, string];
/** A 1×1 PNG, the photo of the acceptance record. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f0005000201e2215bc00000000049454e44ae426082',
  'hex',
);

/** How the treasury's confirmation of a dossier's advance is sent during the storm. */
type Confirmation = 'once' | 'twice-same-key' | 'twice-two-keys' | 'failed-then-reissued';
const confirmationOf = (i: number): Confirmation =>
  (['failed-then-reissued', 'twice-same-key', 'twice-same-key', 'twice-two-keys', 'twice-two-keys'] as const)[i % 10] ??
  'once';
/** The dossiers that also take their second tranche (a fifth). */
const takesRest = (i: number) => i % 5 === 4;

interface Dossier {
  i: number;
  id: string;
  commune: string;
  split: [string, number][];
}

/** What the test saw at a SIGKILL of the worker. */
interface KillReport {
  phase: string;
  /** The kills it took to find settle activities started (a kill that found none is repeated). */
  kills: number;
  /** Payment entries of the phase on the ledgers when the kill was sent, and once the worker was gone. */
  paymentsAtKill: number;
  paymentsAfterKill: number;
  paymentsExpected: number;
  paidOrdersAfterKill: number;
  /** Settle activities the dead worker had started (they time out, and another attempt pays) or not yet started. */
  settlesStarted: number;
  settlesScheduled: number;
  /** From the SIGKILL to the worker polling again. */
  downMs: number;
}

/** An amount as the documents print it: 1.234.567 ₫. */
const vnd = (amount: number) => `${amount.toLocaleString('de-DE')} ₫`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function expectStatus(answer: FinalAnswer, statuses: number[], what: string): void {
  if (!statuses.includes(answer.status))
    throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 400)}`);
}

describe('payments while the worker is killed', () => {
  let running: LoadSystem | undefined;
  let calls: RetryingClient | undefined;
  afterAll(async () => {
    calls?.stop();
    await running?.close();
  });

  it(`pays each tranche of ${DOSSIERS} dossiers exactly once, keeps every ledger balanced and every report equal to its ledger`, async () => {
    const started = Date.now();
    const firstDay = vietnamDate(started);
    const system = await startLoadSystem();
    running = system;
    const [apiMs, workerMs] = await Promise.all([system.api.start(), system.worker.start()]);
    const { models } = system;
    const client = createRetryingClient(system.baseUrl);
    calls = client;
    const tag = `pay-${started}`;

    // A third fund: a sponsor of the city, with a receipt, so that splits name two or three funds.
    const sponsor = await insertFund(models, {
      unitCode: 'HN',
      level: 'province',
      kind: 'sponsor',
      name: 'Nhà tài trợ thử nghiệm (thành phố)',
    });
    await createLedger({ models }).receive(sponsor, {
      amount: 20_000 * M,
      reference: `receipt:${sponsor}`,
      by: 'test',
    });
    const funds = [POOR, BUDGET, sponsor];
    const splitOf = (i: number): [string, number][] =>
      [
        [
          [POOR, 60 * M],
          [BUDGET, 40 * M],
        ],
        [
          [BUDGET, 33_333_333],
          [sponsor, 66_666_667],
        ],
        [
          [POOR, 50 * M],
          [sponsor, 25 * M],
          [BUDGET, 25 * M],
        ],
      ][i % 3] as [string, number][];

    const act = (as: string, id: string, body: Record<string, unknown>, key: string) =>
      client.call(as, 'POST', `/api/dossiers/${id}/actions`, { body, key });
    const order = (id: string, key: string) =>
      act('khobac.hanoi', id, { action: 'approve', data: { ...example('payment-order@1'), amount: ADVANCE } }, key);
    const confirm = (id: string, key: string) =>
      act('khobac.hanoi', id, { action: 'approve', data: example('payment-confirmation@1') }, key);

    // 1. The dossiers, each brought to the confirmation of its advance as the officers do: proposal, appraisal,
    //    the city's approval committing the split, the treasury's payment order.
    const setupStarted = Date.now();
    const dossiers = await mapLimited(
      Array.from({ length: DOSSIERS }, (_, i) => i),
      CLIENTS,
      async (i): Promise<Dossier> => {
        const [commune, unit] = COMMUNES[i % COMMUNES.length]!;
        const created = await client.call(commune, 'POST', '/api/dossiers', {
          body: { processKey: 'housing-support-2025', processVersion: 5, data: withNewHousehold(proposalIn(unit)) },
          key: `${tag}-create-${i}`,
        });
        expectStatus(created, [201], `create #${i}`);
        const id = created.body.id as string;
        const split = splitOf(i);
        const steps: [string, Record<string, unknown>][] = [
          [commune, { action: 'submit' }],
          ['tp.hanoi', { action: 'approve', data: example('housing-review@1') }],
          [
            'lanhdao.hanoi',
            {
              action: 'approve',
              data: {
                ...example('housing-decision@3'),
                approvedAmount: APPROVED,
                fundingSplit: split.map(([fundId, amount]) => ({ fundId, amount })),
              },
            },
          ],
        ];
        for (const [n, [as, body]] of steps.entries())
          expectStatus(await act(as, id, body, `${tag}-${i}-${n}`), [200], `#${i} step ${n}`);
        expectStatus(await order(id, `${tag}-${i}-order`), [200], `#${i} order`);
        return { i, id, commune, split };
      },
    );
    const ids = dossiers.map((d) => d.id);
    const setupMs = Date.now() - setupStarted;

    // 2. Every confirmation at once, and the worker killed while the payments are written.
    const expectedAdvancePayments = dossiers.reduce((n, d) => n + d.split.length, 0);
    const stormStarted = Date.now();
    const storm = Promise.all(dossiers.map((d) => settleAdvance(d)));
    const firstKill = await killWhilePaying('advance', 'advance', 0, expectedAdvancePayments);
    const advanceAnswers = await storm;
    const stormMs = Date.now() - stormStarted;

    // 3. A fifth of them: the commune's acceptance with a photo, the order of the rest, and every confirmation of the
    //    rest at once, with a second SIGKILL while those are paid.
    const rest = dossiers.filter((d) => takesRest(d.i));
    await Promise.all(
      rest.map(async (d) => {
        const upload = await client.call(d.commune, 'POST', '/api/files', {
          bytes: { contentType: 'image/png', data: PNG },
        });
        expectStatus(upload, [201, 200], `#${d.i} photo`);
        const acceptance = {
          ...example('housing-completion@1'),
          photos: [{ fileId: upload.body.fileId, caption: 'Mặt trước nhà' }],
        };
        expectStatus(
          await act(d.commune, d.id, { action: 'approve', data: acceptance }, `${tag}-${d.i}-accept`),
          [200],
          `#${d.i} acceptance`,
        );
        expectStatus(await order(d.id, `${tag}-${d.i}-order-rest`), [200], `#${d.i} order of the rest`);
      }),
    );
    const paymentsBeforeRest = await paymentCount();
    const restStorm = Promise.all(
      rest.map(async (d) => {
        const answer = await confirm(d.id, `${tag}-${d.i}-confirm-rest`);
        expectStatus(answer, [200], `#${d.i} confirmation of the rest`);
        return answer;
      }),
    );
    const secondKill = await killWhilePaying(
      'rest',
      'rest',
      paymentsBeforeRest,
      rest.reduce((n, d) => n + d.split.length, 0),
    );
    const restAnswers = await restStorm;
    expect(restAnswers.map((a) => a.body.status)).toEqual(rest.map(() => 'completed'));

    const quiet = await waitUntilQuiescent(system, ids, 180_000);
    const checksStarted = Date.now();

    // Every answer: the one confirmation of each dossier (or of its reissued order) answered 200 and moved it on;
    // a second request with the same key got the same answer, one with another key was refused.
    for (const [index, answers] of advanceAnswers.entries()) {
      const d = dossiers[index]!;
      const kind = confirmationOf(d.i);
      const won = answers.filter((a) => a.status === 200);
      expect({ dossier: d.i, kind, won: won.length }).toEqual({
        dossier: d.i,
        kind,
        won: kind === 'twice-same-key' ? 2 : 1,
      });
      if (kind === 'twice-same-key') expect(won[1]!.body).toEqual(won[0]!.body);
      // The other key finds the step moved on: to the commune's acceptance, not the treasury's to take (403), or,
      // when both were accepted together, refused by the workflow as no longer allowed (409).
      if (kind === 'twice-two-keys')
        expect({ dossier: d.i, lost: [403, 409].includes(answers.find((a) => a.status !== 200)?.status ?? 0) }).toEqual(
          { dossier: d.i, lost: true },
        );
    }

    // Orders: one per dossier and tranche, paid, with the amount ordered; a failed one reissued in place.
    const orders = await models.PaymentOrder.find({ dossierId: { $in: ids } }).lean<PaymentOrderDoc[]>();
    for (const d of dossiers) {
      const own = orders.filter((o) => o.dossierId === d.id).sort((a, b) => a.trancheId.localeCompare(b.trancheId));
      expect({
        dossier: d.i,
        orders: own.map((o) => [o.trancheId, o.status, o.amount, o.attempt]),
      }).toEqual({
        dossier: d.i,
        orders: [
          ['advance', 'paid', ADVANCE, confirmationOf(d.i) === 'failed-then-reissued' ? 2 : 1],
          ...(takesRest(d.i) ? [['rest', 'paid', APPROVED - ADVANCE, 1]] : []),
        ],
      });
    }

    // Ledger payments: exactly one per order and fund (`pay:<orderId>:<fundId>`), the order's line, nothing else.
    const entries = await models.LedgerEntry.find({ fundId: { $in: funds } })
      .sort({ fundId: 1, seq: 1 })
      .lean<LedgerEntryDoc[]>();
    const payments = entries.filter((e) => e.kind === 'payment' && e.dossierId !== null && ids.includes(e.dossierId));
    expect(payments.length).toBe(orders.reduce((n, o) => n + o.fundSplit.length, 0));
    expect(new Set(payments.map((p) => p.reference)).size).toBe(payments.length);
    const expectedPayments = orders
      .flatMap((o) =>
        o.fundSplit.map((l) => ({ reference: `pay:${o._id}:${l.fundId}`, fundId: l.fundId, amount: l.amount })),
      )
      .sort((a, b) => a.reference.localeCompare(b.reference));
    expect(
      payments
        .map((p) => ({ reference: p.reference, fundId: p.fundId, amount: p.amount }))
        .sort((a, b) => a.reference.localeCompare(b.reference)),
    ).toEqual(expectedPayments);
    expect(entries.filter((e) => e.kind === 'payment_reversal')).toEqual([]);
    for (const o of orders) expect(o.fundSplit.reduce((sum, l) => sum + l.amount, 0)).toBe(o.amount);

    // Every ledger balanced: seq 1..n without a gap, each entry's balanceAfter the balance of the entries up to it,
    // and the head's balance that of all entries, with received − committed − paid = available.
    for (const fundId of funds) {
      const own = entries.filter((e) => e.fundId === fundId);
      expect(own.map((e) => e.seq)).toEqual(own.map((_, i) => i + 1));
      own.forEach((e, i) =>
        expect({ fundId, seq: e.seq, after: e.balanceAfter }).toEqual({
          fundId,
          seq: e.seq,
          after: balanceOf(own.slice(0, i + 1)),
        }),
      );
      const head = own.at(-1)!.balanceAfter;
      expect(head).toEqual(balanceOf(own));
      expect(head.received - head.committed - head.paid).toBe(head.available);
    }

    // Each dossier: its funds paid what its orders say, in the workflow state and in the read model.
    const views = new Map((await models.DossierView.find({ _id: { $in: ids } }).lean()).map((v) => [v._id, v]));
    for (const d of dossiers) {
      const state = quiet.states.get(d.id)!;
      const paid = takesRest(d.i) ? APPROVED : ADVANCE;
      const view = views.get(d.id)!;
      expect({
        dossier: d.i,
        status: state.status,
        step: state.currentStep,
        paid: state.money!.funds.reduce((sum, f) => sum + f.paid, 0),
        onLedgers: payments.filter((p) => p.dossierId === d.id).reduce((sum, p) => sum + p.amount, 0),
        committed: state.money!.funds.map((f) => [f.fundId, f.committed]),
        tranches: Object.values(state.money!.tranches).map((t) => [t.status, t.amount]),
        view: [view.status, view.currentStep, view.seq, view.amounts],
      }).toEqual({
        dossier: d.i,
        status: takesRest(d.i) ? 'completed' : 'in_progress',
        step: takesRest(d.i) ? null : 'completion-acceptance',
        paid,
        onLedgers: paid,
        committed: d.split,
        tranches: takesRest(d.i)
          ? [
              ['paid', ADVANCE],
              ['paid', APPROVED - ADVANCE],
            ]
          : [['paid', ADVANCE]],
        view: [
          state.status,
          state.currentStep,
          state.seq,
          { requested: APPROVED, approved: APPROVED, disbursed: paid },
        ],
      });
    }

    // The read model through the API: each commune's inbox lists its open dossiers at the acceptance, with the amount
    // paid; the treasury's inbox holds none of them; the detail shows the workflow's money.
    for (const [commune] of COMMUNES) {
      const inbox = await client.call(commune, 'GET', '/api/inbox?limit=100');
      expectStatus(inbox, [200], `inbox of ${commune}`);
      const listed = (inbox.body.items as { id: string; currentStep: string; amounts: unknown }[])
        .filter((item) => ids.includes(item.id))
        .map((item) => [item.id, item.currentStep, item.amounts])
        .sort();
      const open = dossiers
        .filter((d) => d.commune === commune && !takesRest(d.i))
        .map((d) => [d.id, 'completion-acceptance', { requested: APPROVED, approved: APPROVED, disbursed: ADVANCE }])
        .sort();
      expect({ commune, listed }).toEqual({ commune, listed: open });
    }
    const treasury = await client.call('khobac.hanoi', 'GET', '/api/inbox?limit=100');
    expect((treasury.body.items as { id: string }[]).filter((item) => ids.includes(item.id))).toEqual([]);
    await mapLimited(dossiers, CLIENTS, async (d) => {
      const detail = await client.call('tp.hanoi', 'GET', `/api/dossiers/${d.id}`);
      const state = quiet.states.get(d.id)!;
      expect({
        dossier: d.i,
        status: detail.body.status,
        step: detail.body.currentStep?.id ?? null,
        money: detail.body.money,
      }).toEqual({
        dossier: d.i,
        status: state.status,
        step: state.currentStep,
        money: state.money,
      });
    });

    // The reports: the city's fund summary for the days of the run, each fund's ledger workbook and payment list,
    // against the sums of the entries read from ledger_entries.
    const lastDay = vietnamDate(Date.now());
    const period = `from=${firstDay}&to=${lastDay}`;
    const sumOf = (list: LedgerEntryDoc[], kind: LedgerEntryKind) =>
      list.filter((e) => e.kind === kind).reduce((sum, e) => sum + e.amount, 0);
    const summary = await client.call('khobac.hanoi', 'GET', `/api/funds/summary?unit=HN&${period}`);
    expectStatus(summary, [200], 'fund summary');
    const cityFunds = (await models.Fund.find({ unitCode: 'HN' }, { _id: 1 }).lean()).map((f) => f._id);
    const cityEntries = await models.LedgerEntry.find({ fundId: { $in: cityFunds } }).lean<LedgerEntryDoc[]>();
    const figuresOf = (list: LedgerEntryDoc[]) => ({
      opening: balanceOf([]),
      received: sumOf(list, 'receipt'),
      committed: sumOf(list, 'commitment'),
      released: sumOf(list, 'release'),
      paid: sumOf(list, 'payment'),
      reversed: sumOf(list, 'payment_reversal'),
      closing: balanceOf(list),
    });
    expect(summary.body.total).toEqual(figuresOf(cityEntries));
    for (const fundId of funds) {
      const own = entries.filter((e) => e.fundId === fundId);
      const row = (summary.body.funds as { fundId: string; figures: unknown }[]).find((f) => f.fundId === fundId);
      expect({ fundId, figures: row?.figures }).toEqual({ fundId, figures: figuresOf(own) });

      const workbook = await client.download('khobac.hanoi', `/api/funds/${fundId}/ledger.xlsx?${period}`);
      expect(workbook.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(workbook.body as unknown as ArrayBuffer);
      const sheet = book.getWorksheet('Sổ quỹ')!;
      const totals = new Map<string, unknown>();
      const rowSums = new Map<string, number>();
      let closing: unknown;
      let rows = 0;
      sheet.eachRow((row) => {
        const label = row.getCell('C').value;
        if (label === 'Số dư cuối kỳ') closing = row.getCell('H').value;
        else if (typeof row.getCell('A').value === 'number' && typeof label === 'string') {
          rows += 1;
          rowSums.set(label, (rowSums.get(label) ?? 0) + Number(row.getCell('D').value));
        } else if (closing !== undefined && typeof label === 'string') totals.set(label, row.getCell('D').value);
      });
      const labels: Record<LedgerEntryKind, string> = {
        receipt: 'Thu',
        commitment: 'Cam kết chi',
        release: 'Hủy cam kết',
        payment: 'Chi trả',
        payment_reversal: 'Hoàn chi',
      };
      expect({ fundId, rows, closing }).toEqual({
        fundId,
        rows: own.length,
        closing: own.at(-1)!.balanceAfter.available,
      });
      // Each kind's total: its cached value (exceljs reads a stored 0 back as no value) and the sum of its rows.
      for (const kind of LEDGER_ENTRY_KINDS) {
        const cell = totals.get(labels[kind]) as { formula?: string; result?: number } | undefined;
        expect({
          fundId,
          kind,
          formula: typeof cell?.formula,
          total: cell?.result ?? 0,
          rows: rowSums.get(labels[kind]) ?? 0,
        }).toEqual({
          fundId,
          kind,
          formula: 'string',
          total: sumOf(own, kind),
          rows: sumOf(own, kind),
        });
      }

      const list = await client.download('khobac.hanoi', `/api/funds/${fundId}/payments.pdf?${period}`);
      expect(list.status).toBe(200);
      const { flat } = await pdfText(list.body);
      const paidOut = sumOf(own, 'payment') - sumOf(own, 'payment_reversal');
      expect(flat).toContain(`Tổng số tiền: ${vnd(paidOut)}`);
      const approvals = await client.download('khobac.hanoi', `/api/funds/${fundId}/commitments.pdf?${period}`);
      expect(approvals.status).toBe(200);
      const committedNet = sumOf(own, 'commitment') - sumOf(own, 'release');
      expect((await pdfText(approvals.body)).flat).toContain(`Tổng số tiền: ${vnd(committedNet)}`);
    }

    const report = {
      dossiers: DOSSIERS,
      startMs: { api: apiMs, worker: workerMs },
      setupSeconds: Math.round(setupMs / 1000),
      advanceStormSeconds: Math.round(stormMs / 1000),
      kills: [firstKill, secondKill],
      retries: client.retries,
      orders: orders.length,
      payments: payments.length,
      quiescentSeconds: Math.round(quiet.ms / 1000),
      checksSeconds: Math.round((Date.now() - checksStarted) / 1000),
      totalSeconds: Math.round((Date.now() - started) / 1000),
    };
    console.log(`payments under SIGKILL: ${JSON.stringify(report)}`);

    // --- helpers of this run ---

    /** The confirmation of a dossier's advance, sent as its kind says; every answer it got. */
    async function settleAdvance(d: Dossier): Promise<FinalAnswer[]> {
      const key = `${tag}-${d.i}-confirm`;
      switch (confirmationOf(d.i)) {
        case 'once':
          return [await confirm(d.id, key)];
        case 'twice-same-key':
          return Promise.all([confirm(d.id, key), confirm(d.id, key)]);
        case 'twice-two-keys':
          return Promise.all([confirm(d.id, key), confirm(d.id, `${key}-again`)]);
        case 'failed-then-reissued': {
          const failed = await act(
            'khobac.hanoi',
            d.id,
            { action: 'reject', comment: 'Tài khoản người nhận bị phong tỏa' },
            `${key}-failed`,
          );
          expectStatus(failed, [200], `#${d.i} payment failed`);
          expectStatus(await order(d.id, `${key}-reissue`), [200], `#${d.i} order reissued`);
          return [await confirm(d.id, key)];
        }
      }
    }

    /** Payment entries of the run's dossiers on the ledgers. */
    function paymentCount(): Promise<number> {
      return models.LedgerEntry.countDocuments({ kind: 'payment', dossierId: { $in: ids } });
    }

    /**
     * Waits until a tenth of the phase's payment entries are on the ledgers, SIGKILLs the worker, counts what was paid
     * and which settle activities the dead worker had started (from Temporal: they are in flight, and only their
     * start-to-close timeout hands them to the next worker), and starts the worker again. A kill that found no settle
     * started is repeated at the next payment (at most 3 kills); every payment of the phase written before a kill
     * landed fails the test, which would then have tested nothing.
     */
    async function killWhilePaying(
      phase: string,
      tranche: string,
      before: number,
      expected: number,
    ): Promise<KillReport> {
      const deadline = Date.now() + 120_000;
      let threshold = before + Math.max(1, Math.floor(expected / 10));
      for (let kills = 1; ; kills++) {
        let atKill = await paymentCount();
        while (atKill < threshold) {
          if (Date.now() > deadline) throw new Error(`only ${atKill - before} payments of the ${phase} within 120 s`);
          await sleep(5);
          atKill = await paymentCount();
        }
        const killedAt = Date.now();
        await system.worker.kill();
        const afterKill = (await paymentCount()) - before;
        const paidOrdersAfterKill = await models.PaymentOrder.countDocuments({
          dossierId: { $in: ids },
          trancheId: tranche,
          status: 'paid',
        });
        let settlesStarted = 0;
        let settlesScheduled = 0;
        await mapLimited(ids, CLIENTS, async (id) => {
          const { raw } = await system.temporal.workflow.getHandle(system.workflowIdOf(id)).describe();
          for (const activity of raw.pendingActivities ?? []) {
            if (activity.activityType?.name !== 'settlePayment') continue;
            if (activity.state === temporal.api.enums.v1.PendingActivityState.PENDING_ACTIVITY_STATE_STARTED)
              settlesStarted += 1;
            else settlesScheduled += 1;
          }
        });
        await system.worker.start();
        const kill: KillReport = {
          phase,
          kills,
          paymentsAtKill: atKill - before,
          paymentsAfterKill: afterKill,
          paymentsExpected: expected,
          paidOrdersAfterKill,
          settlesStarted,
          settlesScheduled,
          downMs: Date.now() - killedAt,
        };
        console.log(`SIGKILL of the worker: ${JSON.stringify(kill)}`);
        if (afterKill >= expected) throw new Error(`every payment of the ${phase} was written before a kill hit one`);
        if (settlesStarted > 0) return kill;
        if (kills === 3) throw new Error(`3 kills during the ${phase} found no settle activity started`);
        threshold = before + afterKill + 1;
      }
    }
  }, 900_000);
});
