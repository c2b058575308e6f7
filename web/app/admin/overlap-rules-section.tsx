import { useCallback, useEffect, useState } from 'react';
import type { OverlapRules } from '../../../api-contract';
import { useAppServices } from '../app-services';
import { BusyIndicator } from '../components/busy-indicator';
import { overlapText, programmeLabel } from '../dossier/overlap-text';
import { AdminTable } from './admin-table';
import type { AdminText } from './admin-text';
import { ApiProblems, type ApiFailure } from './api-problems';

/**
 * The overlap rules (`GET`/`PUT /api/admin/overlap-rules`, a province's administrator): the rules in force as a
 * table, and the list as JSON to edit and save; a refused list (422) shows each problem with where it is, and
 * nothing is saved. docs/overlap-checks.md describes the rule's fields.
 */
export function OverlapRulesSection({ t }: { t: AdminText }) {
  const { api, lang } = useAppServices();
  const o = overlapText(lang);
  const [rules, setRules] = useState<OverlapRules>();
  const [json, setJson] = useState('');
  const [failure, setFailure] = useState<ApiFailure>();
  const [problem, setProblem] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const show = (answer: OverlapRules) => {
    setRules(answer);
    setJson(JSON.stringify(answer.rules, null, 2));
  };
  const load = useCallback(async () => {
    const answer = await api.get<OverlapRules>('/api/admin/overlap-rules');
    if (!answer.ok) return setFailure(answer);
    show(answer.value);
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);
  const save = async () => {
    setFailure(undefined);
    setNotice(undefined);
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      return setProblem(o.notJson);
    }
    setProblem(undefined);
    setBusy(true);
    const answer = await api.put<OverlapRules>('/api/admin/overlap-rules', { rules: parsed });
    setBusy(false);
    if (!answer.ok) return setFailure(answer);
    show(answer.value);
    setNotice(o.saved);
  };
  return (
    <>
      <p>{o.rulesIntro}</p>
      {!rules && !failure ? <BusyIndicator label={t.loadingText} /> : null}
      {rules ? (
        <>
          {rules.custom ? null : <p className="app-muted">{o.defaults}</p>}
          <AdminTable caption={o.rulesHeading} columns={o.columns} empty={undefined}>
            {rules.rules.map((r) => (
              <tr key={r.id} data-overlap-rule={r.id}>
                <td data-label={o.columns[0]}>{r.title[lang]}</td>
                <td data-label={o.columns[1]}>
                  {programmeLabel(r.sides[0]!.programme, r.sides[0]!.supportTypes?.join(', '), lang)}
                </td>
                <td data-label={o.columns[2]}>
                  {programmeLabel(r.sides[1]!.programme, r.sides[1]!.supportTypes?.join(', '), lang)}
                </td>
                <td data-label={o.columns[3]}>
                  {o.subjects[r.subject]} · {o.window(r.window)}
                </td>
              </tr>
            ))}
          </AdminTable>
          <div className="app-field">
            <label htmlFor="admin-overlap-json">{o.rulesJson}</label>
            <textarea
              id="admin-overlap-json"
              className="app-json-input"
              rows={12}
              spellCheck={false}
              value={json}
              onChange={(e) => setJson(e.target.value)}
            />
          </div>
          {problem ? (
            <p className="app-error" role="alert">
              {problem}
            </p>
          ) : null}
          <div className="app-actions">
            <button
              type="button"
              className="app-button"
              data-action="save-overlap-rules"
              disabled={busy}
              onClick={() => void save()}
            >
              {o.save}
            </button>
          </div>
        </>
      ) : null}
      <ApiProblems failure={failure} />
      {notice ? (
        <p className="app-notice" role="status">
          {notice}
        </p>
      ) : null}
    </>
  );
}
