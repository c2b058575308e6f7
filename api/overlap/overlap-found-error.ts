import { ConflictError } from '../errors';
import type { Bilingual, FieldProblem } from '../errors/domain-error';
import type { OverlapItem } from '../../api-contract';

/**
 * 409 `OverlapFound`: the new dossier names a household or person that earlier dossiers already support under an
 * overlap rule. The answer lists them (programme, support type, year, unit name, and the code only of a dossier the
 * caller may read; never a name or citizen id), and `fields` points at each citizen-id field of the submission that
 * overlaps (`/data/households/3/citizenId` on a list: the line). Sending again with `overlapOverride: { reason }`
 * creates it.
 */
export class OverlapFoundError extends ConflictError {
  constructor(overlaps: OverlapItem[], fields: FieldProblem[] = []) {
    super(
      {
        vi: `Đối tượng đã được hỗ trợ trong ${overlaps.length} hồ sơ trùng lặp; cần nêu lý do để vẫn lập hồ sơ`,
        en: `The household or person is already supported in ${overlaps.length} overlapping dossier(s); give a reason to create it anyway`,
      },
      { code: 'OverlapFound', fields, extra: { overlaps } },
    );
  }
}

/** A JSON pointer's list line, 1-based, when it is on a line (`/households/2/citizenId` → 3). */
const lineOf = (path: string): number | null => {
  const match = /^\/[^/]+\/(\d+)\//.exec(path);
  return match ? Number(match[1]) + 1 : null;
};

/** One citizen-id field that overlaps: where it was given (in the submitted data) and the rules it meets. */
export interface OverlappingField {
  path: string;
  ruleTitles: Bilingual[];
}

/**
 * The field problems of an overlap: each path (into the submitted `data`) where an overlapping id was given, named
 * by its list line where it is on one, with the rules it meets. Messages never hold the id or a name.
 */
export function overlapFieldProblems(fields: readonly OverlappingField[]): FieldProblem[] {
  return fields.map(({ path, ruleTitles }) => {
    const line = lineOf(path);
    const vi = [...new Set(ruleTitles.map((t) => t.vi))].join('; ');
    const en = [...new Set(ruleTitles.map((t) => t.en))].join('; ');
    return {
      path: `/data${path}`,
      keyword: 'overlap',
      message:
        line === null
          ? {
              vi: `Đã được hỗ trợ trong hồ sơ trùng lặp (${vi})`,
              en: `Already supported in an overlapping dossier (${en})`,
            }
          : {
              vi: `Hộ ở dòng ${line} đã được hỗ trợ trong hồ sơ trùng lặp (${vi})`,
              en: `The household on line ${line} is already supported in an overlapping dossier (${en})`,
            },
    };
  });
}
