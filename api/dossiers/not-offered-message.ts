import type { OfferedDates } from '../../domain/process/offered-dates';
import type { ProcessDefinition } from '../../domain/process/process-definition';
import { civilDate } from '../../domain/time/civil-date';
import type { Bilingual } from '../errors';

/**
 * Why a definition takes no new dossier on `today` (YYYY-MM-DD), naming the day it ended or starts (dd/mm/yyyy):
 * the 409 `process_not_in_effect` of dossier creation.
 */
export function notOfferedMessage(
  definition: Pick<ProcessDefinition, 'title'>,
  offered: OfferedDates,
  today: string,
): Bilingual {
  const { vi, en } = definition.title;
  if (offered.effectiveTo && today > offered.effectiveTo) {
    const last = civilDate(offered.effectiveTo);
    return {
      vi: `Quy trình “${vi}” không còn nhận hồ sơ mới: ngày cuối cùng nhận hồ sơ là ${last}`,
      en: `“${en}” takes no new dossiers: the last day for new dossiers was ${last}`,
    };
  }
  const first = offered.effectiveFrom ? civilDate(offered.effectiveFrom) : '';
  return {
    vi: `Quy trình “${vi}” chưa nhận hồ sơ mới: nhận hồ sơ từ ngày ${first}`,
    en: `“${en}” takes no new dossiers yet: it takes them from ${first}`,
  };
}
