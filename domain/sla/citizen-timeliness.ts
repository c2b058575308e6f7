import type { LocalizedText } from '../process/process-definition';

/**
 * Where a dossier stands against its due date, in the words a citizen reads on the status lookup: open and
 * `not_due`, `near_due`, `overdue`, or `paused` (returned for supplement: the clock is stopped); closed `early`
 * (before the due day), `on_time` or `late`.
 */
export const CITIZEN_TIMELINESS = ['not_due', 'near_due', 'overdue', 'paused', 'early', 'on_time', 'late'] as const;
export type CitizenTimeliness = (typeof CITIZEN_TIMELINESS)[number];

export const CITIZEN_TIMELINESS_TEXT: Record<CitizenTimeliness, LocalizedText> = {
  not_due: { vi: 'Trong hạn', en: 'Within the time limit' },
  near_due: { vi: 'Sắp đến hạn', en: 'Due soon' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  paused: { vi: 'Tạm dừng', en: 'Paused' },
  early: { vi: 'Trước hạn', en: 'Early' },
  on_time: { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Trễ hạn', en: 'Late' },
};
