/**
 * The rate of the budget's interest support on a supported loan (seed 004: "quận hỗ trợ lãi suất cho vay (3%) đối với
 * hộ nghèo, hộ cận nghèo vay vốn xây dựng, sửa chữa nhà ở", under Nghị quyết số 14/2023/NQ-HĐND of Hà Nội's People's
 * Council): 3 percentage points a year of the interest on the outstanding principal.
 */
export const INTEREST_SUPPORT_RATE_PERCENT = 3;

/** The interest support a collection on `to` covers: the days since interest was last paid, and the amount. */
export interface InterestSupportDue {
  /** The day interest was last paid (or the disbursement): the support runs from it. */
  from: string;
  to: string;
  days: number;
  /** Whole đồng: the outstanding principal of each day × the rate / 365, summed and rounded once. */
  amount: number;
}

/** The loan's entries as this needs them, in the order they were recorded. */
interface EntryForSupport {
  date: string;
  interest: number;
  balanceAfter: { outstanding: number };
}

/** The index of the last element that passes, or -1. */
function lastIndexWhere<T>(list: readonly T[], test: (item: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return i;
  return -1;
}

const dayNumber = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

/**
 * The budget's interest support due on a collection dated `to` (YYYY-MM-DD): from the last entry dated on or before
 * `to` that collected interest (else the disbursement), each day's outstanding principal (as the entries left it)
 * × `ratePercent` / 100 / 365, summed and rounded to the đồng. Undefined when `to` is before that day. The bank's
 * officer is shown it beside the support field (it is their figure that is recorded). Pure.
 */
export function interestSupportDue(
  loan: { disbursedOn: string; disbursed: number },
  entries: readonly EntryForSupport[],
  to: string,
  ratePercent: number = INTEREST_SUPPORT_RATE_PERCENT,
): InterestSupportDue | undefined {
  const upTo = entries.filter((e) => e.date <= to);
  const lastPaid = lastIndexWhere(upTo, (e) => e.interest > 0);
  const from = lastPaid < 0 ? loan.disbursedOn : upTo[lastPaid]!.date;
  if (to < from) return undefined;
  // The balance at the start: after the last entry dated on or before `from` (entries are in date order).
  const startAt = lastIndexWhere(upTo, (e) => e.date <= from);
  let outstanding = startAt < 0 ? loan.disbursed : upTo[startAt]!.balanceAfter.outstanding;
  let at = dayNumber(from);
  let principalDays = 0;
  for (const e of upTo.slice(startAt + 1)) {
    const day = dayNumber(e.date);
    principalDays += outstanding * (day - at);
    at = day;
    outstanding = e.balanceAfter.outstanding;
  }
  principalDays += outstanding * (dayNumber(to) - at);
  return {
    from,
    to,
    days: dayNumber(to) - dayNumber(from),
    amount: Math.round((principalDays * ratePercent) / 100 / 365),
  };
}
