import type { FundKind } from '../funds/fund-kinds';
import { approvedInPeriod } from './approved-in-period';
import type { CampaignFigures, ComputedFigure, FigureReaders, FigureScope, FigureSource } from './campaign-figures';
import { isRaisingFund } from './raised-rows-of';
import type { SupportLabel } from './support-labels';
import { housesOf, type Houses } from './houses-of';
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

/**
 * The one basis of the period's money and households: a dossier belongs to the period of its approval (the decision's
 * date where recorded, however late it was entered; else the money committed, else the completion), and its money
 * with it, whatever day the ledger posted it. Counting money by posting day and households by decision day would give
 * a campaign whose lists were entered later its households with 0 ₫ spent.
 */
export const FIGURE_BASIS: SupportLabel = {
  vi:
    'Tính theo hồ sơ được duyệt trong kỳ (theo ngày ký quyết định, kể cả hồ sơ nhập sau); số hộ, số nhà và số tiền ' +
    'đã cam kết, đã chi là của chính các hồ sơ đó, dù bút toán được ghi sổ ngày nào.',
  en:
    'Counted on the dossiers approved in the period (by the date their decision was signed, records entered later ' +
    'included); the households, houses and money committed and paid are those of these dossiers, whatever day the ' +
    'ledger posted the entries.',
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
  note: FIGURE_BASIS,
});

const receiptsSource = (refs: string[]) => ledgerSource(refs, 'phiếu thu', refs.length === 1 ? 'receipt' : 'receipts');
const entriesSource = (refs: string[]): FigureSource => ({
  ...ledgerSource(refs, 'bút toán', refs.length === 1 ? 'entry' : 'entries'),
  note: FIGURE_BASIS,
});

const figure = <T>(items: readonly T[], value: (t: T) => number, ref: (t: T) => string, source = receiptsSource) => ({
  value: items.reduce((s, t) => s + value(t), 0),
  source: source(items.map(ref)),
});

/**
 * The figures of a unit's result report over `scope.from`..`scope.to` (inclusive civil days), computed from the
 * records the readers give (FigureReaders), each with its source:
 * - raised: the receipts on their day in the period into the funds of the unit and below, allocated funds (state
 *   budget, policy-bank loans) left out (`isRaisingFund`), in total and per fund;
 * - one basis for money and households (FIGURE_BASIS, the note of their sources): the dossiers approved in the
 *   period (`approvedInPeriod`: by the decision date where recorded, else by the money committed or the completion);
 * - committed (commitments − releases) and paid (payments − reversals): every entry naming an approved dossier,
 *   whatever its posting day, entries of loan funds left out; spent (the form's field) is paid;
 * - households: the beneficiaries of the approved dossiers, per programme; the households supported (the form's
 *   field) leave out credit access (loans); houses built and repaired apart (`housesOf`), with those of lists that
 *   did not split them as `housesUnsplit`: built + repaired + unsplit = the households of the house programmes;
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

  const isApproved = approvedInPeriod(scope.from, scope.to, dossiers, entries);
  const approved = dossiers.filter(isApproved);
  const ids = new Set(approved.map((d) => d.id));
  // The money of the approved dossiers, whatever its posting day (FIGURE_BASIS); each entry once.
  const seen = new Set<string>();
  const approvedEntries = entries.filter((e) => {
    if (e.dossierId === null || !ids.has(e.dossierId) || seen.has(ref(e))) return false;
    seen.add(ref(e));
    return true;
  });
  const money = approvedEntries.filter((e) => !isLoanFund(e.fundKind));
  const signed = (plus: string, minus: string) => (e: { kind: string; amount: number }) =>
    e.kind === plus ? e.amount : e.kind === minus ? -e.amount : 0;
  const committedEntries = money.filter((e) => e.kind === 'commitment' || e.kind === 'release');
  const paidEntries = money.filter((e) => e.kind === 'payment' || e.kind === 'payment_reversal');
  const committed = figure(committedEntries, signed('commitment', 'release'), ref, entriesSource);
  const paid = figure(paidEntries, signed('payment', 'payment_reversal'), ref, entriesSource);

  const programmes = [...new Set(approved.map((d) => d.programme))].sort();
  const supported = approved.filter((d) => d.programme !== CREDIT_ACCESS);
  const households: ComputedFigure = {
    value: supported.reduce((s, d) => s + beneficiariesOf(d.facts), 0),
    source: dossierSource(supported.map((d) => d.id)),
  };
  const withHouses = supported.map((d) => ({ id: d.id, houses: housesOf(d.programme, d.facts) }));
  const houses = (kind: keyof Houses): ComputedFigure => {
    const of = withHouses.filter((d) => d.houses[kind] > 0);
    return { value: of.reduce((s, d) => s + d.houses[kind], 0), source: dossierSource(of.map((d) => d.id)) };
  };

  return {
    unitCode: scope.unitCode,
    from: scope.from,
    to: scope.to,
    fields: {
      raisedAmount: figure(raised, (r) => r.amount, ref),
      spentAmount: paid,
      householdsSupported: households,
      housesBuilt: houses('built'),
      housesRepaired: houses('repaired'),
    },
    housesUnsplit: houses('unsplit'),
    basis: FIGURE_BASIS,
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
        approvedEntries.filter((e) => isLoanFund(e.fundKind) && (e.kind === 'commitment' || e.kind === 'release')),
        signed('commitment', 'release'),
        ref,
        entriesSource,
      ),
      note: NOT_RAISED_NOTE,
    },
  };
}
