import type { SupportReportResponse } from '../../../api-contract';
import type { Lang } from '../../shared/i18n/lang';
import { formatDmyDate } from '../../shared/widgets/format-dmy-date';
import { AdminTable } from '../admin/admin-table';
import type { ReportText } from './report-text';

/**
 * "Targets against results": for each plan of the unit whose period overlaps the report's, its targets with the plan's
 * value, what was achieved up to the report's last day and, in words, whether it is met. The server computes every
 * figure (planProgress over the support results); nothing is counted here.
 */
export function ReportTargets({
  plans,
  lang,
  t,
}: {
  plans: SupportReportResponse['plans'];
  lang: Lang;
  t: ReportText;
}) {
  return (
    <section className="report-targets" aria-labelledby="report-targets-title" data-testid="report-targets">
      <h3 id="report-targets-title">{t.targetsTitle}</h3>
      {plans.length === 0 ? <p className="app-muted">{t.noPlans}</p> : null}
      {plans.map((plan) => (
        <div
          key={plan.planId}
          className="report-table-wrap"
          role="region"
          aria-label={plan.title}
          tabIndex={0}
          data-plan={plan.planId}
        >
          <AdminTable
            caption={t.planCaption(plan.title, formatDmyDate(plan.until)!)}
            className="report-table"
            columns={[t.target, t.planned, t.achieved, t.assessment]}
            empty={plan.rows.length === 0 ? t.empty : undefined}
          >
            {plan.rows.map((row, i) => (
              <tr key={i} data-met={row.met}>
                <th scope="row" data-label={t.target}>
                  {row.label[lang]}
                </th>
                <td data-label={t.planned}>{row.valueText[lang]}</td>
                <td data-label={t.achieved}>{row.achievedText[lang]}</td>
                <td data-label={t.assessment}>{row.met ? t.met : t.notMet}</td>
              </tr>
            ))}
          </AdminTable>
        </div>
      ))}
    </section>
  );
}
