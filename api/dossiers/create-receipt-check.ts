import { receiptProblem, receiptProblemMessage } from '../../domain/sla/receipt-problem';
import { vietnamDate } from '../../domain/time/vietnam-date';
import type { ProcessDefinition } from '../../domain/process/process-definition';
import type { UnitDoc } from '../../storage/unit-schema';
import type { UnitValidity } from '../units/create-unit-validity';
import { ValidationError } from '../errors';

/**
 * Checks a paper dossier's receipt time before anything is stored or numbered: 422 at `/receivedAt` when it is in
 * the future, older than RECEIPT_MAX_AGE_DAYS, before the definition's `effectiveFrom`, or on a day the receiving
 * unit (or a unit above it) was not in force. Answers the instant normalised to UTC (`…Z`), the form kept in state,
 * and never later than `now`.
 */
export function createReceiptCheck(unitValidity: UnitValidity) {
  return (
    receivedAt: string,
    now: Date,
    definition: Pick<ProcessDefinition, 'effectiveFrom'>,
    units: readonly UnitDoc[],
  ): string => {
    const refuse = (message: { vi: string; en: string }, keyword: string): never => {
      throw new ValidationError([{ path: '/receivedAt', keyword, message }]);
    };
    const problem = receiptProblem(receivedAt, now.getTime(), definition.effectiveFrom);
    if (problem) refuse(receiptProblemMessage(problem), 'receiptWindow');
    const day = vietnamDate(receivedAt);
    const retired = unitValidity.firstRetired(units, day);
    if (retired) {
      const why = unitValidity.describe(retired, day);
      refuse(
        { vi: `${why.vi}: không thể tiếp nhận hồ sơ`, en: `${why.en}: it could not receive dossiers` },
        'unitInForce',
      );
    }
    // A receipt a little ahead of the server's clock (within the tolerance for the device's skew) is taken as now:
    // a dossier is never received after it was entered.
    return new Date(Math.min(Date.parse(receivedAt), now.getTime())).toISOString();
  };
}
