import { collectUnitCodes, fieldLabel, type FormDefinition } from '../../forms';
import { civilDate } from '../../domain/time/civil-date';
import type { Models } from '../../storage/create-models';
import type { FieldProblem } from '../errors';

/** The day a submission is judged on: Vietnam's today, and the unit that receives it (the acting officer's unit). */
export interface UnitCodeCheckContext {
  /** YYYY-MM-DD, Vietnam time. */
  today: string;
  receivingUnit: string;
}

/**
 * Checks the units a submission names against the registry: each value at a `format: "unit-code"` field must be a
 * unit that exists and is in force (from `effectiveFrom` to `effectiveTo`, both included) on the relevant date. That
 * is today; and, when the receiving unit has itself been retired since (a dossier of an abolished ward, as in the
 * seed-era demo, which still runs), also the receiving unit's last day in force, so that a unit of its era is
 * accepted too. Returns one problem per refused field (keyword `unitCode`, the field's label and the code in both
 * languages; a retired unit's successor is named), empty when all are known.
 */
export type UnitCodeCheck = (
  form: FormDefinition,
  data: unknown,
  context: UnitCodeCheckContext,
) => Promise<FieldProblem[]>;

/**
 * One query per submission, whatever the number of unit fields (codes are looked up together, by `_id`); nothing
 * when the form names no unit. A storage error propagates (500): a unit that cannot be checked is not accepted.
 */
export function createUnitCodeCheck(deps: { models: Models }): UnitCodeCheck {
  return async (form, data, { today, receivingUnit }) => {
    const refs = collectUnitCodes(form, data);
    if (refs.length === 0) return [];
    const units = await deps.models.Unit.find(
      { _id: { $in: [...new Set([...refs.map((r) => r.code), receivingUnit])] } },
      { effectiveFrom: 1, effectiveTo: 1, successorCode: 1 },
    ).lean();
    const byCode = new Map(units.map((u) => [u._id, u]));
    const receivedUntil = byCode.get(receivingUnit)?.effectiveTo;
    const dates = receivedUntil && receivedUntil < today ? [today, receivedUntil] : [today];
    const problems: FieldProblem[] = [];
    for (const { path, code } of refs) {
      const unit = byCode.get(code);
      const label = fieldLabel(form, path);
      if (!unit) {
        problems.push({
          path,
          keyword: 'unitCode',
          message: {
            vi: `${label.vi}: không có đơn vị hành chính mã ${code}`,
            en: `${label.en}: there is no administrative unit ${code}`,
          },
        });
        continue;
      }
      const inForce = (date: string) =>
        unit.effectiveFrom <= date && (unit.effectiveTo === null || date <= unit.effectiveTo);
      if (dates.some(inForce)) continue;
      const successor = unit.successorCode;
      problems.push({
        path,
        keyword: 'unitCode',
        message: {
          vi: `${label.vi}: đơn vị ${code} không có hiệu lực vào ngày ${civilDate(dates[dates.length - 1]!)}${successor ? ` (đơn vị kế thừa: ${successor})` : ''}`,
          en: `${label.en}: unit ${code} is not in force on ${civilDate(dates[dates.length - 1]!)}${successor ? ` (its successor is ${successor})` : ''}`,
        },
      });
    }
    return problems;
  };
}
