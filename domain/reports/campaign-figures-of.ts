import type { FundKind } from '../funds/fund-kinds';
import { approvedInPeriod } from './approved-in-period';
import type { CampaignFigures, ComputedFigure, FigureReaders, FigureScope, FigureSource } from './campaign-figures';
import { isRaisingFund } from './raised-rows-of';
import type { SupportLabel } from './support-labels';
import { beneficiariesOf } from './support-results-of';

/** The programme of loans (Bank for Social Policies): counted as households, never as money raised or spent. */
const CREDIT_ACCESS = 'credit_access';
const isLoanFund = (kind: FundKind) => kind === 'policy_bank_loan';

const NOT_RAISED_NOTE: SupportLabel = {
  vi:
    'Vốn vay ưu đãi Ngân hàng Chính sách xã hội (tín dụng) không cộng vào số tiền vận động, số tiền đã chi hỗ trợ và ' +
    'số hộ được hỗ trợ. Kinh phí ngân sách được giao không phải tiền vận động; phần đã chi hỗ trợ từ đó vẫn tính vào ' +
    'số tiền đã chi hỗ trợ.',
  en:
    'Preferential loans of the Bank for Social Policies (credit access) are added neither to the money raised, nor ' +
    'to the money spent on support, nor to the households supported. State-budget allocations are not money raised; ' +
    'support paid from them still counts as money spent.',
};

const ledgerSource = (refs: string[], vi: string, en: string): FigureSource => ({
  kind: 'ledger',
  count: refs.length,
  refs: [...refs].sort(),
  label: { vi: `Theo sổ quỹ: ${refs.length} ${vi}`, en: `From the fund ledger: ${refs.length} ${en}` },
});

const dossierSource = (refs: string[]): FigureSource => ({
  kind: 'dossiers',
  count: refs.length,
  refs: [...refs].sort(),
  label: { vi: `Theo hồ sơ đã duyệt: ${refs.length} hồ sơ`, en: `From approved dossiers: ${refs.length} dossiers` },
});

const receiptsSource = (refs: string[]) => ledgerSource(refs, 'phiếu thu', refs.length === 1 ? 'receipt' : 'receipts');
const entriesSource = (refs: string[]) => ledgerSource(refs, 'bút toán', refs.length === 1 ? 'entry' : 'entries');

const figure = <T>(items: readonly T[], value: (t: T) => number, ref: (t: T) => string, source = receiptsSource) => ({
  value: items.reduce((s, t) => s + value(t), 0),
  source: source(items.map(ref)),
});

/**
 * The figures of a unit's result report over `scope.from`..`scope.to` (inclusive civil days), computed from the
 * records the readers give (FigureReaders), each with its source:
 * - raised: the receipts on their day in the period into the funds of the unit and below, allocated funds (state
 *   budget, policy-bank loans) left out (`isRaisingFund`), in total and per fund;
 * - committed (commitments − releases) and paid (payments − reversals): the entries on their posting day in the
 *   period naming the unit's dossiers, entries of loan funds left out; spent (the form's field) is paid;
 * - households: the beneficiaries of the dossiers approved in the period (`approvedInPeriod`: by the decision date
 *   where recorded, else by the money committed or the completion), per programme; the households supported (the
 *   form's field) leave out credit access (loans);
 * - what is not raised: loan and allocation receipts in the period, and loan-fund money, named apart with a note.
 * Reads through the readers only: same records, same figures.
 */
export async function campaignFiguresOf(scope: FigureScope, readers: FigureReaders): Promise<CampaignFigures> {
  const inPeriod = (day: string) => day >= scope.from && day <= scope.to;
  const [receipts, dossiers, entries] = await Promise.all([
    readers.receipts(scope),
    readers.dossiers(scope),
    readers.entries(scope),
  ]);
  const ref = (e: { fundId: string; seq: number }) => `${e.fundId}#${e.seq}`;

  const periodReceipts = receipts.filter((r) => r.kind === 'receipt' && inPeriod(r.day));
  const raised = periodReceipts.filter((r) => isRaisingFund(r.fundKind));
  const fundIds = [...new Set(raised.map((r) => r.fundId))].sort();

  const ids = new Set(dossiers.map((d) => d.id));
  const periodEntries = entries.filter((e) => e.dossierId !== null && ids.has(e.dossierId) && inPeriod(e.day));
  const money = periodEntries.filter((e) => !isLoanFund(e.fundKind));
  const signed = (plus: string, minus: string) => (e: { kind: string; amount: number }) =>
    e.kind === plus ? e.amount : e.kind === minus ? -e.amount : 0;
  const committedEntries = money.filter((e) => e.kind === 'commitment' || e.kind === 'release');
  const paidEntries = money.filter((e) => e.kind === 'payment' || e.kind === 'payment_reversal');
  const committed = figure(committedEntries, signed('commitment', 'release'), ref, entriesSource);
  const paid = figure(paidEntries, signed('payment', 'payment_reversal'), ref, entriesSource);

  const isApproved = approvedInPeriod(scope.from, scope.to, dossiers, entries);
  const approved = dossiers.filter(isApproved);
  const programmes = [...new Set(approved.map((d) => d.programme))].sort();
  const supported = approved.filter((d) => d.programme !== CREDIT_ACCESS);
  const households: ComputedFigure = {
    value: supported.reduce((s, d) => s + beneficiariesOf(d.facts), 0),
    source: dossierSource(supported.map((d) => d.id)),
  };

  return {
    unitCode: scope.unitCode,
    from: scope.from,
    to: scope.to,
    fields: {
      raisedAmount: figure(raised, (r) => r.amount, ref),
      spentAmount: paid,
      householdsSupported: households,
    },
    raisedByFund: fundIds.map((fundId) => {
      const { value, source } = figure(
        raised.filter((r) => r.fundId === fundId),
        (r) => r.amount,
        ref,
      );
      return { fundId, amount: value, source };
    }),
    committed,
    paid,
    approvedByProgramme: programmes.map((programme) => {
      const of = approved.filter((d) => d.programme === programme);
      return {
        programme,
        dossiers: of.length,
        households: of.reduce((s, d) => s + beneficiariesOf(d.facts), 0),
        source: dossierSource(of.map((d) => d.id)),
      };
    }),
    notRaised: {
      loanReceipts: figure(
        periodReceipts.filter((r) => isLoanFund(r.fundKind)),
        (r) => r.amount,
        ref,
      ),
      allocationReceipts: figure(
        periodReceipts.filter((r) => !isRaisingFund(r.fundKind) && !isLoanFund(r.fundKind)),
        (r) => r.amount,
        ref,
      ),
      loanCommitted: figure(
        periodEntries.filter((e) => isLoanFund(e.fundKind) && (e.kind === 'commitment' || e.kind === 'release')),
        signed('commitment', 'release'),
        ref,
        entriesSource,
      ),
      note: NOT_RAISED_NOTE,
    },
  };
}
