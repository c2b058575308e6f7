import { useEffect, useRef, useState } from 'react';
import { useAppServices } from '../app-services';
import { formatDateTime } from '../format/format-date-time';
import { slaText } from '../i18n/sla-text';
import { paperReceiptText } from '../i18n/paper-receipt-text';
import { useUnitName } from '../units/use-unit-name';
import { BusyIndicator } from './busy-indicator';
import type { ControlSlip, ControlSlipRow } from '../../../api-contract';
import { saveBlob } from './save-blob';

const BADGE = { early: 'app-badge-not-due', on_time: 'app-badge-on-time', late: 'app-badge-late' } as const;

/**
 * The dossier's processing-control slip (phiếu kiểm soát quá trình giải quyết hồ sơ) in the workspace: collapsed
 * at first; opening it reads GET /api/dossiers/:id/control-slip (one row per hand-off: from whom, to whom, when,
 * result, note, the step's timeliness). The PDF is fetched with the session's token and handed to the browser as
 * a download (a plain link would carry no token).
 */
export function ControlSlipSection({ dossierId, seq }: { dossierId: string; seq: number }) {
  const { api, lang, text } = useAppServices();
  const sla = slaText(lang);
  const paperText = paperReceiptText(lang);
  const [open, setOpen] = useState(false);
  const [rows, setRows] = useState<ControlSlipRow[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [downloading, setDownloading] = useState(false);
  const link = useRef<HTMLAnchorElement>(null);
  const unitName = useUnitName();
  const base = `/api/dossiers/${encodeURIComponent(dossierId)}`;

  useEffect(() => {
    if (!open) return;
    let live = true;
    void api.get<ControlSlip>(`${base}/control-slip`).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.status === 'network' ? text.networkError : r.message);
      setError(undefined);
      setRows(r.value.rows);
    });
    return () => {
      live = false;
    };
  }, [api, base, open, seq, text]);

  const downloadPdf = async () => {
    setDownloading(true);
    const r = await api.getBlob(`${base}/control-slip.pdf`, 'application/pdf');
    setDownloading(false);
    if (!r.ok) return setError(r.status === 'network' ? text.networkError : r.message);
    saveBlob(link.current!, r.value, `phieu-kiem-soat-${dossierId}.pdf`);
  };

  const party = (p: { role: string; unitCode: string }) => `${text.roles[p.role] ?? p.role} · ${unitName(p.unitCode)}`;

  return (
    <section className="app-card sla-slip" aria-labelledby="slip-heading" data-testid="control-slip">
      <h2 id="slip-heading">{sla.slipShort}</h2>
      <div className="app-actions">
        <button
          type="button"
          className="app-button app-button-secondary"
          aria-expanded={open}
          aria-controls="slip-body"
          onClick={() => setOpen(!open)}
        >
          {open ? sla.slipHide : sla.slipShow}
        </button>
        <button
          type="button"
          className="app-button app-button-secondary"
          onClick={() => void downloadPdf()}
          disabled={downloading}
        >
          {sla.slipPdf}
        </button>
        <a ref={link} className="sla-hidden-link" aria-hidden="true" tabIndex={-1} href="#slip-heading">
          PDF
        </a>
      </div>
      {error ? (
        <p className="app-error" role="alert">
          {error}
        </p>
      ) : null}
      {open ? (
        <div id="slip-body">
          {rows === undefined && !error ? <BusyIndicator label={text.loading} /> : null}
          {rows && rows.length === 0 ? <p>{sla.slipEmpty}</p> : null}
          {rows && rows.length > 0 ? (
            <div className="sla-table-wrap">
              <table className="app-table sla-slip-table" data-testid="control-slip-table">
                <caption>{sla.slipTitle}</caption>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">{sla.slipFrom}</th>
                    <th scope="col">{sla.slipTo}</th>
                    <th scope="col">{sla.slipAt}</th>
                    <th scope="col">{sla.slipResult}</th>
                    <th scope="col">{sla.slipNote}</th>
                    <th scope="col">{sla.slipTimeliness}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, i) => (
                    <tr key={row.seq} data-seq={row.seq}>
                      <td data-label="#">{i + 1}</td>
                      <td data-label={sla.slipFrom}>
                        {party(row.from)}
                        <br />
                        <span className="app-muted">{row.from.name}</span>
                      </td>
                      <td data-label={sla.slipTo}>{row.to ? party(row.to) : sla.closedTo}</td>
                      <td data-label={sla.slipAt}>{formatDateTime(row.at)}</td>
                      <td data-label={sla.slipResult}>{row.result[lang]}</td>
                      <td data-label={sla.slipNote}>
                        {[row.note, row.enteredAt ? paperText.slipEntered(formatDateTime(row.enteredAt)) : null]
                          .filter(Boolean)
                          .join('. ')}
                      </td>
                      <td data-label={sla.slipTimeliness}>
                        <span className={`app-badge ${BADGE[row.timeliness.code]}`}>{row.timeliness.text[lang]}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
