// Browser-safe and DOM-free.
import type { PlanTarget } from '../../../domain/plans/plan';
import { formatVnd } from '../../../domain/funds/format-vnd';
import type { Lang } from '../../shared/i18n/lang';

/** A whole number with the language's thousands separator (`1.000` in Vietnamese, `1,000` in English). */
export const formatCount = (n: number, lang: Lang): string =>
  Math.round(n).toLocaleString(lang === 'en' ? 'en-US' : 'vi-VN');

/** A percentage with at most one decimal, the language's decimal mark (`66,7` / `66.7`). */
export const formatPercent = (p: number, lang: Lang): string =>
  (Math.round(p * 10) / 10).toLocaleString(lang === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 1 });

/** A figure of the target's metric: đồng for amounts and money raised, a count otherwise. */
export const formatFigure = (target: Pick<PlanTarget, 'metric'>, n: number, lang: Lang): string =>
  target.metric === 'amount' || target.metric === 'raised' ? formatVnd(n, lang) : formatCount(n, lang);

/** The target's value as written: `1.560.000.000 ₫`, `78`, `≥ 70 %`. */
export const formatTargetValue = (target: Pick<PlanTarget, 'metric' | 'value'>, lang: Lang): string =>
  target.metric === 'coverage' || target.metric === 'share'
    ? `${formatPercent(target.value, lang)}${lang === 'en' ? '%' : ' %'}`
    : formatFigure(target, target.value, lang);

/** The bar's fill, 0–100 (a target beyond its value is a full bar). */
export const barPercent = (ratio: number): number => Math.max(0, Math.min(100, Math.round(ratio * 100)));
