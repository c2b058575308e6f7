import { formatVnd } from '../funds/format-vnd';
import type { PlanContent } from '../plans/plan';
import type { PlanProgress } from '../plans/plan-progress';
import { supportTypeLabel, type SupportLabel } from './support-labels';

/** One target of a plan against its result, as the report prints it (texts in both languages). */
export interface TargetRow {
  /** What the target is about: "Hỗ trợ nhà ở — Xây mới · Phường Hà Cầu · Quỹ …". */
  label: SupportLabel;
  metric: PlanContent['targets'][number]['metric'];
  value: number;
  /** The figure compared with the value (a count, đồng, or a percentage for coverage and share). */
  achieved: number;
  met: boolean;
  /** The value and the figure as printed ("78", "1.560.000.000 ₫", "70 %"). */
  valueText: SupportLabel;
  achievedText: SupportLabel;
}

const METRIC_LABELS: Record<TargetRow['metric'], SupportLabel> = {
  count: { vi: 'số lượng', en: 'count' },
  amount: { vi: 'kinh phí', en: 'amount' },
  coverage: { vi: 'tỷ lệ bao phủ', en: 'coverage' },
  share: { vi: 'tỷ lệ', en: 'share' },
  raised: { vi: 'số tiền vận động', en: 'money raised' },
};

const figureText = (metric: TargetRow['metric'], n: number): SupportLabel => {
  if (metric === 'amount' || metric === 'raised') return { vi: formatVnd(n, 'vi'), en: formatVnd(n, 'en') };
  if (metric === 'coverage' || metric === 'share') {
    const rounded = Math.round(n * 10) / 10;
    return { vi: `${String(rounded).replace('.', ',')} %`, en: `${rounded} %` };
  }
  const plain = (lang: 'vi' | 'en') => formatVnd(n, lang).replace(/ (₫|VND)$/u, '');
  return { vi: plain('vi'), en: plain('en') };
};

/**
 * The rows of a plan's "targets against results" table: each target of `plan` (programme and support type by name,
 * its lower unit and source by the names given, what it measures) with its value and `progress`'s figure for it.
 */
export function targetRows(
  plan: PlanContent,
  progress: PlanProgress,
  names: { unit: (code: string) => string; fund: (id: string) => string },
): TargetRow[] {
  return progress.targets.map((p) => {
    const target = plan.targets[p.index]!;
    const what = supportTypeLabel(target.programme, target.supportType ?? null);
    const extra = [
      ...(target.unitCode ? [names.unit(target.unitCode)] : []),
      ...(target.fundId ? [names.fund(target.fundId)] : []),
    ];
    const metric = METRIC_LABELS[target.metric];
    const label = (lang: 'vi' | 'en') => [`${what[lang]} (${metric[lang]})`, ...extra].join(' · ');
    return {
      label: { vi: label('vi'), en: label('en') },
      metric: target.metric,
      value: target.value,
      achieved: p.achieved,
      met: p.met,
      valueText: figureText(target.metric, target.value),
      achievedText: figureText(target.metric, p.achieved),
    };
  });
}
