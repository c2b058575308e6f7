import { inForceOn, type UnitValidity } from './in-force-on';
import type { UnitSuccessor } from './unit-successor';

/** A problem with a list of successors, at a JSON pointer below the list (`/0/share`) or at the list itself (''). */
export interface SuccessorProblem {
  path: string;
  message: { vi: string; en: string };
}

const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * Checks the successors named when `retired` is retired after `lastDay`: each is another known unit, named once, in
 * force from the next day; with several successors each carries a share or a rule; when any share is given every
 * successor has one and they sum to 100 % (to 0.01). `units` holds the successors found in the registry by code;
 * messages name units by their names. Empty when the list is sound.
 */
export function successorProblems(
  retired: { code: string },
  lastDay: string,
  successors: readonly UnitSuccessor[],
  units: ReadonlyMap<string, UnitValidity & { name: string }>,
): SuccessorProblem[] {
  const problems: SuccessorProblem[] = [];
  const next = dayAfter(lastDay);
  const seen = new Set<string>();
  successors.forEach((s, i) => {
    const unit = units.get(s.code);
    if (s.code === retired.code || !unit) {
      problems.push({
        path: `/${i}/code`,
        message: {
          vi: `Đơn vị kế thừa ${s.code} phải là một đơn vị khác đã có trong danh mục`,
          en: `the successor ${s.code} must be another known unit`,
        },
      });
    } else if (!inForceOn(unit, next)) {
      problems.push({
        path: `/${i}/code`,
        message: {
          vi: `${unit.name} phải còn hiệu lực từ ngày hôm sau (${next})`,
          en: `${unit.name} must be in force from the next day (${next})`,
        },
      });
    }
    if (seen.has(s.code)) {
      problems.push({
        path: `/${i}/code`,
        message: { vi: 'Mỗi đơn vị kế thừa chỉ nêu một lần', en: 'each successor is named once' },
      });
    }
    seen.add(s.code);
    if (successors.length > 1 && s.share === undefined && !s.rule?.trim()) {
      problems.push({
        path: `/${i}`,
        message: {
          vi: 'Khi có nhiều đơn vị kế thừa, mỗi đơn vị cần tỷ lệ hộ hoặc quy tắc phân chia',
          en: 'with several successors each needs a share of households or a rule',
        },
      });
    }
  });
  const shares = successors.map((s) => s.share);
  if (shares.some((s) => s !== undefined)) {
    if (shares.some((s) => s === undefined)) {
      problems.push({
        path: '',
        message: {
          vi: 'Khi nêu tỷ lệ, mọi đơn vị kế thừa đều cần tỷ lệ',
          en: 'when shares are given, every successor needs one',
        },
      });
    } else {
      const total = shares.reduce<number>((sum, s) => sum + (s ?? 0), 0);
      if (Math.abs(total - 100) > 0.01) {
        problems.push({
          path: '',
          message: {
            vi: `Tổng tỷ lệ các đơn vị kế thừa phải là 100 % (hiện là ${total} %)`,
            en: `the successors' shares must sum to 100 % (they sum to ${total} %)`,
          },
        });
      }
    }
  }
  return problems;
}
