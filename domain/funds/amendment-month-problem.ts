import { instanceOfPeriod, isMonth, periodLabel, periodOfInstance } from '../calendar/period-instance';
import type { LocalizedText, TranchePeriod } from '../process/process-definition';

/**
 * Whether an amendment of a periodic tranche may start in `from`: it must be a month (or quarter start) of the
 * schedule after the `paid` instances (a past, paid month is refused: `on: 'from'`), and the amended schedule, `due`
 * instances long, must not end before it (`on: 'end'`). Null when it may; else which fact is wrong and why, in
 * Vietnamese and English. The one rule: the workflow's refusal (adjustCommitment) and the API's field check use it.
 */
export function amendmentMonthProblem(
  period: TranchePeriod,
  firstMonth: string,
  paid: number,
  due: number,
  from: unknown,
): { on: 'from' | 'end'; message: LocalizedText } | null {
  const next = periodOfInstance(period, firstMonth, paid + 1);
  const f = isMonth(from) ? instanceOfPeriod(period, firstMonth, from) : null;
  if (f === null || f <= paid) {
    const label = periodLabel(period.unit, next);
    return {
      on: 'from',
      message: {
        vi: `Điều chỉnh phải áp dụng từ ${label.vi} (kỳ đầu tiên chưa chi trả) trở đi, theo lịch chi trả của cam kết`,
        en: `the amendment must start in a month of the schedule from ${next} on (the first unpaid one), not ${String(from)}`,
      },
    };
  }
  if (f > due) {
    const end = periodOfInstance(period, firstMonth, due);
    return {
      on: 'end',
      message: {
        vi: `Cam kết sau điều chỉnh kết thúc vào ${periodLabel(period.unit, end).vi}, trước khi điều chỉnh bắt đầu áp dụng`,
        en: `the amended schedule ends in ${end}, before the amendment starts (${String(from)})`,
      },
    };
  }
  return null;
}
