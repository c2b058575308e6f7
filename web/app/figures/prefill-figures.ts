import type { CampaignFiguresResponse } from '../../../api-contract';
import { PREFILLED_FIELDS } from '../../../domain/reports/campaign-figures';

/**
 * A result report's form data with the figures computed from the records: each report field the officer has not
 * entered yet (or left at the figure computed before, for another unit) takes its computed value, one the officer
 * entered (by hand or from a saved draft) is kept, and `/computed` (read-only) shows them all beside it. The API
 * computes them again when the report is stored and keeps its own (api/dossiers/create-step-figures.ts); this only
 * saves the officer the typing.
 */
export function prefillFigures(data: unknown, figures: Pick<CampaignFiguresResponse, 'fields'>, at: Date): unknown {
  const current =
    data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const next: Record<string, unknown> = { ...current };
  const before = current.computed !== null && typeof current.computed === 'object' ? current.computed : {};
  const computed: Record<string, unknown> = {};
  for (const field of PREFILLED_FIELDS) {
    const value = figures.fields[field].value;
    computed[field] = value;
    if (next[field] === undefined || next[field] === (before as Record<string, unknown>)[field]) next[field] = value;
  }
  next.computed = { ...computed, computedAt: at.toISOString() };
  return next;
}

/** The query of `GET /api/reports/campaign-figures` for a report step's period at a unit. */
export const figuresQuery = (unitCode: string, period: { from: string; to: string }) =>
  `/api/reports/campaign-figures?${new URLSearchParams({ unit: unitCode, from: period.from, to: period.to })}`;
