import { ConflictError } from '../errors';
import type { OverlapItem } from '../../api-contract';

/**
 * 409 `OverlapFound`: the new dossier names a household or person that earlier dossiers already support under an
 * overlap rule. The answer lists them (programme, support type, year, unit name, and the code only of a dossier the
 * caller may read; never a name or citizen id). Sending again with `overlapOverride: { reason }` creates it.
 */
export class OverlapFoundError extends ConflictError {
  constructor(overlaps: OverlapItem[]) {
    super(
      {
        vi: `Đối tượng đã được hỗ trợ trong ${overlaps.length} hồ sơ trùng lặp; cần nêu lý do để vẫn lập hồ sơ`,
        en: `The household or person is already supported in ${overlaps.length} overlapping dossier(s); give a reason to create it anyway`,
      },
      { code: 'OverlapFound', extra: { overlaps } },
    );
  }
}
