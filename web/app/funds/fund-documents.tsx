import { useRef, useState } from 'react';
import { formatDmyDate } from '../../shared/widgets/format-dmy-date';
import { useAppServices } from '../app-services';
import { BusyIndicator } from '../components/busy-indicator';
import type { FundText } from './fund-text';
import { PeriodFields, readPeriod, type PeriodText } from './period-fields';
import { presetPeriod, vietnamToday } from './report-period';
import { saveBlob } from '../components/save-blob';

export const FUND_DOCUMENTS = [
  { key: 'payments', path: 'payments.pdf', accept: 'application/pdf', file: 'danh-sach-chi-tra' },
  { key: 'commitments', path: 'commitments.pdf', accept: 'application/pdf', file: 'danh-sach-phe-duyet' },
  {
    key: 'ledger',
    path: 'ledger.xlsx',
    accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    file: 'so-quy',
  },
] as const;
type DocumentKey = (typeof FUND_DOCUMENTS)[number]['key'];

/**
 * A fund's documents for a period (the current quarter at first): the payment list and the approval list as PDF,
 * the ledger as an Excel workbook. Each is fetched with the session's token and handed to the browser as a download
 * (a plain link would carry no token), the control slip's way; a progress bar while it runs, the reason in words
 * when the server refuses.
 */
export function FundDocuments({ fund, t }: { fund: { _id: string; name: string }; t: FundText }) {
  const { api, lang, text } = useAppServices();
  const [period, setPeriod] = useState<PeriodText>(() => {
    const quarter = presetPeriod('quarter', vietnamToday(new Date()));
    return { from: formatDmyDate(quarter.from)!, to: formatDmyDate(quarter.to)! };
  });
  const [problems, setProblems] = useState<{ from?: string; to?: string }>({});
  const [running, setRunning] = useState<DocumentKey>();
  const [error, setError] = useState<string>();
  const link = useRef<HTMLAnchorElement>(null);
  const id = `fund-docs-${fund._id}`;

  const download = async (doc: (typeof FUND_DOCUMENTS)[number]) => {
    const days = readPeriod(period, lang, t);
    setProblems('problems' in days ? days.problems : {});
    setError(undefined);
    if ('problems' in days) return;
    setRunning(doc.key);
    const query = `from=${days.from}&to=${days.to}`;
    const r = await api.getBlob(`/api/funds/${encodeURIComponent(fund._id)}/${doc.path}?${query}`, doc.accept);
    setRunning(undefined);
    if (!r.ok) {
      // A 422 names the field at fault (the period's end before its start): that says more than "invalid data".
      const reason = r.fields.length > 0 ? r.fields.map((f) => f.message).join('; ') : r.message;
      return setError(r.status === 'network' ? text.networkError : t.downloadFailed(t.documents[doc.key], reason));
    }
    saveBlob(link.current!, r.value, `${doc.file}-${days.from}-${days.to}.${doc.path.split('.')[1]}`);
  };

  return (
    <div className="fund-documents" role="group" aria-label={t.documentsOf(fund.name)} data-testid={id}>
      <PeriodFields id={id} period={period} problems={problems} lang={lang} t={t} onChange={setPeriod} />
      <div className="app-actions">
        {FUND_DOCUMENTS.map((doc) => (
          <button
            key={doc.key}
            type="button"
            className="app-button app-button-secondary"
            disabled={running !== undefined}
            data-document={doc.key}
            onClick={() => void download(doc)}
          >
            {t.documents[doc.key]}
          </button>
        ))}
        <a ref={link} className="sla-hidden-link" aria-hidden="true" tabIndex={-1} href={`#${id}`}>
          {t.documentsOf(fund.name)}
        </a>
      </div>
      {running ? <BusyIndicator label={t.downloading(t.documents[running])} /> : null}
      {error ? (
        <p className="app-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
