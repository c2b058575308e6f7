import { useRef, useState } from 'react';
import { useAppServices } from '../app-services';
import type { ReportText } from './report-text';
import { saveBlob } from '../components/save-blob';

const DOCUMENTS = [
  { key: 'xlsx', accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  { key: 'pdf', accept: 'application/pdf' },
] as const;
type DocumentKey = (typeof DOCUMENTS)[number]['key'];

/**
 * The report's Excel and PDF for the query shown, fetched with the session's token (a plain link would carry none)
 * and handed to the browser as a download, with a progress bar of the bytes received while it runs (a province's
 * year is a long export); the reason in words when the server refuses.
 */
export function ReportDownloads({
  query,
  file,
  t,
  report = 'support',
  documents = ['xlsx', 'pdf'],
}: {
  query: string;
  file: string;
  t: ReportText;
  /** The report's route under /api/reports/ (`support`, `loans`). */
  report?: string;
  /** The documents the report has. */
  documents?: readonly DocumentKey[];
}) {
  const { api, text } = useAppServices();
  const [running, setRunning] = useState<{ key: DocumentKey; received: number; total: number | null }>();
  const [error, setError] = useState<string>();
  const link = useRef<HTMLAnchorElement>(null);

  const download = async (doc: (typeof DOCUMENTS)[number]) => {
    setError(undefined);
    setRunning({ key: doc.key, received: 0, total: null });
    const r = await api.getBlob(`/api/reports/${report}.${doc.key}?${query}`, doc.accept, (received, total) =>
      setRunning({ key: doc.key, received, total }),
    );
    setRunning(undefined);
    if (!r.ok) {
      const reason = r.fields.length > 0 ? r.fields.map((f) => f.message).join('; ') : r.message;
      return setError(r.status === 'network' ? text.networkError : t.downloadFailed(t.documents[doc.key], reason));
    }
    saveBlob(link.current!, r.value, `${file}.${doc.key}`);
  };

  const percent = running?.total ? Math.round((running.received / running.total) * 100) : null;
  return (
    <div className="report-downloads" role="group" aria-label={t.downloads}>
      <div className="app-actions">
        {DOCUMENTS.filter((doc) => documents.includes(doc.key)).map((doc) => (
          <button
            key={doc.key}
            type="button"
            className="app-button app-button-secondary"
            disabled={running !== undefined}
            data-document={doc.key}
            onClick={() => void download(doc)}
          >
            {doc.key === 'xlsx' ? t.excel : t.pdf}
          </button>
        ))}
        <a ref={link} className="sla-hidden-link" aria-hidden="true" tabIndex={-1} href="#report-downloads">
          {t.downloads}
        </a>
      </div>
      {running ? (
        <div className="app-busy" role="status" data-testid="report-download-progress">
          <progress
            aria-label={t.downloaded(t.documents[running.key], percent)}
            {...(running.total ? { max: running.total, value: running.received } : {})}
          />
          <span>{t.downloaded(t.documents[running.key], percent)}</span>
        </div>
      ) : null}
      {error ? (
        <p className="app-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
