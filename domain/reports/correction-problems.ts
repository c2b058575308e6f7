import { formatVnd } from '../funds/format-vnd';
import { PREFILLED_FIELDS, type PrefilledField } from './campaign-figures';
import type { SupportLabel } from './support-labels';

const MONEY_FIELDS: readonly PrefilledField[] = ['raisedAmount', 'spentAmount'];

/** A field of a result report entered unlike its computed figure without a reason: where, and what to do. */
export interface CorrectionProblem {
  path: string;
  keyword: 'correctionReason';
  message: SupportLabel;
}

const record = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/**
 * The result report fields (PREFILLED_FIELDS) of `data` entered different from their computed figure (`/computed`,
 * set by the server) without a reason under `/corrections/<field>`: one problem there for each. A field absent or
 * not a number (the schema's refusal), or a computed figure absent, is no problem here; a reason given for a field
 * entered as computed is allowed. Pure.
 */
export function correctionProblems(data: Record<string, unknown>): CorrectionProblem[] {
  const computed = record(data['computed']);
  const corrections = record(data['corrections']);
  return PREFILLED_FIELDS.flatMap((field) => {
    const entered = data[field];
    const figure = computed[field];
    if (typeof entered !== 'number' || typeof figure !== 'number' || entered === figure) return [];
    const reason = corrections[field];
    if (typeof reason === 'string' && reason.trim() !== '') return [];
    const show = (n: number, lang: 'vi' | 'en') => (MONEY_FIELDS.includes(field) ? formatVnd(n, lang) : String(n));
    return [
      {
        path: `/corrections/${field}`,
        keyword: 'correctionReason' as const,
        message: {
          vi: `Số báo cáo (${show(entered, 'vi')}) khác số hệ thống tính (${show(figure, 'vi')}): hãy ghi lý do`,
          en: `The reported figure (${show(entered, 'en')}) differs from the computed one (${show(figure, 'en')}): give the reason`,
        },
      },
    ];
  });
}
