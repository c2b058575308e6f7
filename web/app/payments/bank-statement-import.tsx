import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { BankStatementJob } from '../../../api-contract';
import { AdminTable } from '../admin/admin-table';
import { ApiProblems, type ApiFailure } from '../admin/api-problems';
import { useAppServices } from '../app-services';
import { AppLink } from '../components/app-link';
import { lineDetail, statusCounts, type PaymentText } from './payment-text';

/** The largest statement the page sends (the API takes 5,000,000 characters in a body of at most 12 MB). */
const MAX_FILE_BYTES = 5_000_000;
const POLL_MS = 1_000;

/**
 * "Nhập sao kê ngân hàng": the officer chooses the bank's CSV, the page starts a background import
 * (POST /api/payments/bank-statement-imports) and follows it (GET …/{id} every second) with a progress bar of the
 * lines done, then shows the counts and every line's result in words, with a link to each dossier. `onImported`
 * runs once the job has ended, so the order list can reload.
 */
export function BankStatementImport({ t, onImported }: { t: PaymentText; onImported(): void }) {
  const { api, lang, navigate } = useAppServices();
  const fileRef = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string>();
  const [failure, setFailure] = useState<ApiFailure>();
  const [job, setJob] = useState<BankStatementJob>();
  const [busy, setBusy] = useState(false);
  const [fileName, setFileName] = useState<string>();
  const running = job?.status === 'running';

  useEffect(() => {
    if (!job || job.status !== 'running') return;
    const timer = setTimeout(() => {
      void api.get<BankStatementJob>(`/api/payments/bank-statement-imports/${job.id}`).then((answer) => {
        if (!answer.ok) return setFailure(answer);
        setJob(answer.value);
        if (answer.value.status !== 'running') onImported();
      });
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [api, job, onImported]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    setFailure(undefined);
    if (!file) return setProblem(t.noFile);
    if (file.size > MAX_FILE_BYTES) return setProblem(t.tooLarge);
    setProblem(undefined);
    setBusy(true);
    setJob(undefined);
    const answer = await api.post<BankStatementJob>('/api/payments/bank-statement-imports', {
      fileName: file.name,
      content: await file.text(),
    });
    setBusy(false);
    if (!answer.ok) return setFailure(answer);
    setJob(answer.value);
  };

  return (
    <section aria-labelledby="bank-import-title" className="bank-import">
      <h2 id="bank-import-title">{t.importTitle}</h2>
      <p className="app-muted">{t.importHelp}</p>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={t.importTitle}>
        <div className="app-field">
          <label htmlFor="bank-file">{t.file}</label>
          {/* The browser's file control speaks its own language ("Choose File"): a button of ours instead. */}
          <input
            id="bank-file"
            ref={fileRef}
            type="file"
            accept=".csv,text/csv"
            hidden
            onChange={(e) => setFileName(e.target.files?.[0]?.name)}
          />
          <div className="app-file-choice">
            <button
              type="button"
              className="app-button app-button-secondary"
              onClick={() => fileRef.current?.click()}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? 'bank-file-chosen bank-file-error' : 'bank-file-chosen'}
            >
              {t.chooseFile}
            </button>{' '}
            <span id="bank-file-chosen">{fileName ?? t.noFileChosen}</span>
          </div>
          {problem ? (
            <p id="bank-file-error" className="app-error">
              {problem}
            </p>
          ) : null}
        </div>
        <ApiProblems failure={failure} />
        <div className="app-actions">
          <button type="submit" className="app-button" disabled={busy || running}>
            {t.start}
          </button>
        </div>
      </form>
      {running || busy ? (
        <div className="app-busy" role="status">
          <progress aria-label={t.importTitle} {...(job && job.total > 0 ? { value: job.done, max: job.total } : {})} />
          <span>{job ? t.progress(job.done, job.total) : t.uploading}</span>
        </div>
      ) : null}
      {job?.status === 'failed' ? (
        <p className="app-error" role="alert">
          {job.failure}
        </p>
      ) : null}
      {job?.status === 'finished' && job.lines ? (
        <div className="bank-import-result">
          <h3>{t.resultTitle(job.fileName)}</h3>
          <p role="status">{t.finished(job.total)}</p>
          <dl className="bank-import-counts" aria-label={t.counts}>
            {statusCounts(job.counts ?? {}).map(([status, count]) => (
              <div key={status} data-count={status}>
                <dt>{t.lineStatuses[status]}</dt>
                <dd>{count}</dd>
              </div>
            ))}
          </dl>
          <AdminTable
            caption={t.linesCaption}
            className="bank-import-table"
            columns={[t.line, t.transaction, t.dossier, t.result, t.detail]}
            empty={undefined}
          >
            {job.lines.map((l) => (
              <tr key={l.line} data-line={l.line} data-status={l.status}>
                <td data-label={t.line}>{l.line}</td>
                <td data-label={t.transaction}>{l.transactionId ?? ''}</td>
                <td data-label={t.dossier}>
                  {l.dossierId ? (
                    <AppLink to={{ name: 'dossier', id: l.dossierId }} navigate={navigate}>
                      {l.dossierId}
                    </AppLink>
                  ) : (
                    ''
                  )}
                </td>
                <td data-label={t.result}>
                  <span>{t.lineStatuses[l.status]}</span>
                </td>
                <td data-label={t.detail}>
                  <span>{lineDetail(l, t, lang)}</span>
                </td>
              </tr>
            ))}
          </AdminTable>
        </div>
      ) : null}
    </section>
  );
}
