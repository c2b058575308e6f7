import { useState } from 'react';
import type { PovertyRegister, PovertyRegisterRows } from '../../../api-contract';
import type { RegisterHousehold } from '../../../domain/poverty-register/poverty-register';
import type { ApiFailure } from '../admin/api-problems';
import { useAppServices } from '../app-services';
import { problemPlace, type RegisterText } from './register-text';

/** Reads a chosen file with its progress (a large workbook takes a moment): as base64 for .xlsx, as text otherwise. */
function readFile(file: File, asBase64: boolean, onProgress: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => onProgress(e.lengthComputable ? Math.round((e.loaded / e.total) * 100) : 0);
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const result = String(reader.result ?? '');
      resolve(asBase64 ? result.slice(result.indexOf(',') + 1) : result);
    };
    if (asBase64) reader.readAsDataURL(file);
    else reader.readAsText(file);
  });
}

type Stage = { kind: 'idle' } | { kind: 'reading'; percent: number } | { kind: 'checking' } | { kind: 'saving' };

/**
 * Entering or replacing a commune's register: a workbook (.xlsx, read by the API into households, every bad cell
 * named by its row) or a JSON file, checked first, then saved whole as the next revision with a reason. Nothing is
 * saved while any row is wrong; the server's problems are listed by row and column, in the page's language.
 */
export function RegisterImport(props: {
  unitCode: string;
  year: number;
  revision: number;
  t: RegisterText;
  onSaved: (register: PovertyRegister) => void;
}) {
  const { api } = useAppServices();
  const { t } = props;
  const [file, setFile] = useState<File>();
  const [reason, setReason] = useState('');
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [households, setHouseholds] = useState<RegisterHousehold[]>();
  const [failure, setFailure] = useState<ApiFailure | { message: string; fields: [] }>();

  async function check() {
    if (!file) return;
    setFailure(undefined);
    setHouseholds(undefined);
    const xlsx = /\.xlsx$/i.test(file.name);
    setStage({ kind: 'reading', percent: 0 });
    const content = await readFile(file, xlsx, (percent) => setStage({ kind: 'reading', percent }));
    if (!xlsx) {
      setStage({ kind: 'idle' });
      try {
        const parsed = JSON.parse(content) as unknown;
        const list = Array.isArray(parsed) ? parsed : (parsed as { households?: unknown }).households;
        if (!Array.isArray(list)) throw new Error('no households');
        setHouseholds(list as RegisterHousehold[]);
      } catch {
        setFailure({ message: t.badJson, fields: [] });
      }
      return;
    }
    setStage({ kind: 'checking' });
    const answer = await api.post<PovertyRegisterRows>('/api/poverty-registers/xlsx', { content });
    setStage({ kind: 'idle' });
    if (answer.ok) setHouseholds(answer.value.households as RegisterHousehold[]);
    else setFailure(answer);
  }

  async function save() {
    if (!households) return;
    setStage({ kind: 'saving' });
    const answer = await api.post<PovertyRegister>('/api/poverty-registers', {
      unitCode: props.unitCode,
      year: props.year,
      expectedRevision: props.revision,
      reason,
      households,
    });
    setStage({ kind: 'idle' });
    if (answer.ok) {
      setHouseholds(undefined);
      setFile(undefined);
      props.onSaved(answer.value);
    } else setFailure(answer);
  }

  const busy = stage.kind !== 'idle';
  const people = (households ?? []).reduce((n, h) => n + 1 + (h.members?.length ?? 0), 0);
  return (
    <section className="app-card register-import" aria-labelledby="register-import-title">
      <h2 id="register-import-title">{t.importTitle}</h2>
      <p className="app-muted">{t.importHelp}</p>
      <div className="app-field">
        <label htmlFor="register-file">{t.file}</label>
        <input
          id="register-file"
          type="file"
          accept=".xlsx,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            setFile(e.target.files?.[0]);
            setHouseholds(undefined);
            setFailure(undefined);
          }}
        />
      </div>
      <div className="app-field">
        <label htmlFor="register-reason">{t.reason}</label>
        <input
          id="register-reason"
          type="text"
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      {stage.kind === 'reading' ? (
        <p role="status">
          <progress max={100} value={stage.percent} aria-label={t.reading(stage.percent)} /> {t.reading(stage.percent)}
        </p>
      ) : null}
      {stage.kind === 'checking' || stage.kind === 'saving' ? (
        <p role="status" className="app-busy">
          {stage.kind === 'checking' ? t.checking : t.saving}
        </p>
      ) : null}
      {households && !failure ? (
        <p role="status" className="app-notice">
          {t.checked(households.length, people)}
        </p>
      ) : null}
      {failure ? (
        <div className="app-error" role="alert">
          <p>{failure.message}</p>
          {failure.fields.length > 0 ? (
            <ul className="app-problems">
              {failure.fields.map((f, i) => (
                <li key={`${f.path}-${i}`}>
                  <strong>{problemPlace(f.path, t)}</strong>: {f.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="app-actions">
        <button
          type="button"
          className="app-button app-button-secondary"
          disabled={!file || busy}
          onClick={() => void check()}
        >
          {t.check}
        </button>
        <button
          type="button"
          className="app-button"
          disabled={!households || busy || reason.trim() === ''}
          onClick={() => void save()}
        >
          {t.save}
        </button>
      </div>
    </section>
  );
}
