import { formatVnd } from '../../domain/funds/format-vnd';
import { factsOf } from '../../domain/process/facts-of';
import { fundingOf } from '../../domain/process/funding-of';
import { readPointer } from '../../domain/process/read-pointer';
import type { StepDefinition, Transition } from '../../domain/process/process-definition';
import type { Models } from '../../storage/create-models';
import type { FundDoc } from '../../storage/fund-schema';
import type { StepDataCheck, StepDataProblem } from './step-data-check';

/**
 * The funding split of data whose transition commits it (a `commit` effect, the step's `funding`): the lines must add
 * up to the commit's amount fact as this data brings it (at the lines' array, keyword `fundingSum`), and each line
 * must name a fund that exists, is active and is held by one of the dossier's units (`dossierUnits`, the receiving
 * unit's chain: the funds `GET /api/funds?unit=` offers; at the line's fund member, keyword `fund`). Whether the
 * funds have the money is the ledger's answer when the workflow commits (409 fund_insufficient). A fact the data does
 * not bring is left to the workflow's own check.
 */
export function createFundingCheck(
  models: Models,
  step: StepDefinition,
  transition: Transition,
  dossierUnits: readonly string[],
): StepDataCheck {
  const commit = transition.effects?.find((e) => e.kind === 'commit');
  const funding = step.funding;
  if (!commit || commit.kind !== 'commit' || !funding) return async () => [];
  return async (data) => {
    const lines = fundingOf(step, data) ?? [];
    const problems: StepDataProblem[] = [];
    const amount = factsOf(step, data)[commit.amountFact];
    const sum = lines.reduce((total, line) => total + line.amount, 0);
    if (typeof amount === 'number' && sum !== amount) {
      problems.push({
        path: funding.lines,
        keyword: 'fundingSum',
        message: {
          vi: `Tổng các nguồn kinh phí (${formatVnd(sum)}) phải bằng số tiền phê duyệt (${formatVnd(amount)})`,
          en: `The funding lines add up to ${formatVnd(sum)}, not the approved ${formatVnd(amount)}`,
        },
      });
    }
    const ids = [...new Set(lines.map((l) => l.fundId))];
    const funds = await models.Fund.find({ _id: { $in: ids } }, { active: 1, unitCode: 1 }).lean<
      Pick<FundDoc, '_id' | 'active' | 'unitCode'>[]
    >();
    const known = new Map(funds.map((f) => [f._id, f]));
    const found = readPointer(data, funding.lines);
    const raw = (Array.isArray(found) ? found : []) as (Record<string, unknown> | null)[];
    raw.forEach((line, i) => {
      const fundId = line?.[funding.fund];
      if (typeof fundId !== 'string') return; // the form's schema reports it
      const fund = known.get(fundId);
      const ours = fund !== undefined && dossierUnits.includes(fund.unitCode);
      if (fund?.active === true && ours) return;
      problems.push({
        path: `${funding.lines}/${i}/${funding.fund}`,
        keyword: 'fund',
        message:
          fund === undefined
            ? { vi: 'Không tìm thấy nguồn kinh phí này', en: 'No such fund' }
            : !ours
              ? {
                  vi: 'Nguồn kinh phí này không thuộc đơn vị nào xử lý hồ sơ',
                  en: "This fund is not held by any of the dossier's units",
                }
              : { vi: 'Nguồn kinh phí này đã ngừng hoạt động', en: 'This fund is no longer active' },
      });
    });
    return problems;
  };
}
