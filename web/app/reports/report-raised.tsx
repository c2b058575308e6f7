import type { SupportReportResponse } from '../../../api-contract';
import { formatVnd } from '../../../domain/funds/format-vnd';
import type { Lang } from '../../shared/i18n/lang';
import { AdminTable } from '../admin/admin-table';
import type { ReportText } from './report-text';

/**
 * "Kết quả vận động": the money raised into the funds of the unit and below (a campaign's receipts, by their date), by
 * donor kind and by fund, each with its total. Shown only when money was raised; every figure is the server's.
 */
export function ReportRaised({
  raised,
  lang,
  t,
}: {
  raised: SupportReportResponse['raised'];
  lang: Lang;
  t: ReportText;
}) {
  if (raised.receipts === 0) return null;
  const count = (n: number) => n.toLocaleString(lang === 'en' ? 'en-US' : 'vi-VN');
  const byKind = [t.donorKind, t.receipts, t.amountRaised];
  const byFund = [t.fund, t.fundUnit, t.amountRaised];
  return (
    <section className="report-raised" aria-labelledby="report-raised-title" data-testid="report-raised">
      <h3 id="report-raised-title">{t.raisedTitle}</h3>
      <div className="report-table-wrap" role="region" aria-label={t.raisedByDonor} tabIndex={0}>
        <AdminTable caption={t.raisedByDonor} className="report-table" columns={byKind} empty={undefined}>
          {raised.byDonorKind.map((r) => (
            <tr key={r.donorKind ?? 'unknown'}>
              <th scope="row" data-label={byKind[0]}>
                {r.label[lang]}
              </th>
              <td data-label={byKind[1]}>{count(r.receipts)}</td>
              <td data-label={byKind[2]}>{formatVnd(r.amount, lang)}</td>
            </tr>
          ))}
          <tr className="fund-total-row" data-total>
            <th scope="row">{t.total}</th>
            <td data-label={byKind[1]}>{count(raised.receipts)}</td>
            <td data-label={byKind[2]}>{formatVnd(raised.total, lang)}</td>
          </tr>
        </AdminTable>
      </div>
      <div className="report-table-wrap" role="region" aria-label={t.raisedByFund} tabIndex={0}>
        <AdminTable caption={t.raisedByFund} className="report-table" columns={byFund} empty={undefined}>
          {raised.byFund.map((r) => (
            <tr key={r.fundId}>
              <th scope="row" data-label={byFund[0]}>
                {r.name}
              </th>
              <td data-label={byFund[1]}>{r.unitName}</td>
              <td data-label={byFund[2]}>{formatVnd(r.amount, lang)}</td>
            </tr>
          ))}
          <tr className="fund-total-row" data-total>
            <th scope="row">{t.total}</th>
            <td data-label={byFund[1]} />
            <td data-label={byFund[2]}>{formatVnd(raised.total, lang)}</td>
          </tr>
        </AdminTable>
      </div>
    </section>
  );
}
