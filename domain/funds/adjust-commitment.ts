import { instanceOfPeriod, isMonth } from '../calendar/period-instance';
import { amendmentMonthProblem } from './amendment-month-problem';
import { FailureType } from '../process/failure-types';
import type { FactValue, ProcessDefinition } from '../process/process-definition';
import { refusal, type Refusal } from '../process/refusal';
import { unpaidOf, type DossierMoney, type FundLine } from './dossier-money';
import { formatVnd } from './format-vnd';
import { paidCount, timesDue } from './tranche-instance';

type Facts = Readonly<Record<string, FactValue>>;

/**
 * An `adjust_commitment` effect (an amendment of a periodic tranche), without side effects. From instance f — the
 * one whose period begins in the month the fact `fromFact` names — each instance pays the amended fact `amountFact`;
 * the instances before it still unpaid keep the amount `before` held; the times due follow the amended facts
 * (timesDue). The dossier's unpaid commitment must then be exactly
 * `before[amountFact] × (f − 1 − paid) + facts[amountFact] × (due − f + 1)`: the difference is committed on the
 * dossier's first fund (the ledger refuses it beyond that fund's available balance), or released from the funds,
 * last first. Refuses (InvalidInput, at the submission) a from-month that is not a month of the schedule, one already
 * paid (a past month), an end before the from-month, and amounts that are not whole numbers > 0; (ActionNotAllowed)
 * a dossier with an outstanding payment order, without a commitment, or without the schedule's start month.
 * Messages carry months, amounts and ids only.
 */
export function adjustCommitment(
  definition: ProcessDefinition,
  money: DossierMoney,
  effect: { tranche: string; amountFact: string; fromFact: string },
  facts: Facts,
  before: Facts,
): { ok: true; ops: { op: 'commit' | 'release'; lines: FundLine[] }[]; money: DossierMoney } | Refusal {
  const tranche = (definition.tranches ?? []).find((t) => t.id === effect.tranche);
  const period = tranche?.repeat?.period;
  const firstMonth = period ? facts[period.startFact] : undefined;
  if (!tranche || !period || !isMonth(firstMonth)) {
    return refusal(FailureType.ActionNotAllowed, `tranche '${effect.tranche}' has no schedule to amend`);
  }
  if (Object.values(money.tranches).some((o) => o.status === 'ordered')) {
    return refusal(FailureType.ActionNotAllowed, `a payment order of tranche '${effect.tranche}' is outstanding`);
  }
  if (money.funds.length === 0) return refusal(FailureType.ActionNotAllowed, 'nothing is committed to amend');
  const from = facts[effect.fromFact];
  const paid = paidCount(money, tranche);
  const due = timesDue(tranche, facts);
  const problem = amendmentMonthProblem(period, firstMonth, paid, due, from);
  if (problem) return refusal(FailureType.InvalidInput, problem.message.en, 'submission');
  const f = instanceOfPeriod(period, firstMonth, from as string) as number;
  const oldAmount = before[effect.amountFact];
  const newAmount = facts[effect.amountFact];
  for (const amount of [oldAmount, newAmount]) {
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) {
      return refusal(
        FailureType.InvalidInput,
        `the amount per instance must be a whole number of đồng > 0`,
        'submission',
      );
    }
  }
  const target = (oldAmount as number) * (f - 1 - paid) + (newAmount as number) * (due - f + 1);
  const unpaid = money.funds.reduce((total, share) => total + unpaidOf(share), 0);
  const funds = money.funds.map((share) => ({ ...share }));
  if (target > unpaid) {
    const first = funds[0] as (typeof funds)[number];
    first.committed += target - unpaid;
    return {
      ok: true,
      ops: [{ op: 'commit', lines: [{ fundId: first.fundId, amount: target - unpaid }] }],
      money: { ...money, funds },
    };
  }
  let rest = unpaid - target;
  const lines: FundLine[] = [];
  for (const share of [...funds].reverse()) {
    const amount = Math.min(rest, unpaidOf(share));
    if (amount <= 0) continue;
    share.released += amount;
    lines.push({ fundId: share.fundId, amount });
    rest -= amount;
  }
  if (rest > 0) return refusal(FailureType.InvalidInput, `cannot release ${formatVnd(rest)} more`, 'submission');
  return { ok: true, ops: lines.length > 0 ? [{ op: 'release', lines }] : [], money: { ...money, funds } };
}
