import { useEffect, useMemo, useState } from 'react';
import type { PovertyRegister, PovertyRegisterSummary } from '../../../api-contract';
import { REGISTER_CATEGORIES } from '../../../domain/poverty-register/poverty-register';
import { vietnamDate } from '../../../domain/time/vietnam-date';
import { useAppServices } from '../app-services';
import { formatDateTime } from '../format/format-date-time';
import { RegisterImport } from '../poverty-register/register-import';
import { registerText } from '../poverty-register/register-text';
import { UnitSelectField } from '../units/unit-select-field';
import { useUnitName } from '../units/use-unit-name';

const number = (n: number) => n.toLocaleString('vi-VN');

/**
 * "Hộ nghèo" (`/poverty-register`): the register of poor and near-poor households of a unit and year. For any unit,
 * the totals by category and per unit below (a unit's name opens its own figures); for a commune, its households
 * (citizen ids masked) and, for its own officers, the import of a new revision (RegisterImport). The API decides who
 * sees and writes what.
 */
export function PovertyRegisterPage() {
  const { api, lang, session } = useAppServices();
  const t = registerText(lang);
  const unitName = useUnitName();
  const grantUnits = useMemo(() => [...new Set(session.user.grants.map((g) => g.unitCode))], [session]);
  const thisYear = Number(vietnamDate(new Date()).slice(0, 4));
  const [unit, setUnit] = useState(grantUnits[0] ?? '');
  const [year, setYear] = useState(thisYear);
  const [summary, setSummary] = useState<PovertyRegisterSummary>();
  const [register, setRegister] = useState<PovertyRegister | null>();
  const [failure, setFailure] = useState<string>();
  const [reload, setReload] = useState(0);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    let live = true;
    setSummary(undefined);
    setRegister(undefined);
    void Promise.all([
      api.get<PovertyRegisterSummary>(`/api/poverty-register-summary?unit=${encodeURIComponent(unit)}&year=${year}`),
      api.get<PovertyRegister>(`/api/poverty-registers/${encodeURIComponent(unit)}/${year}`),
    ]).then(([s, r]) => {
      if (!live) return;
      if (s.ok) setSummary(s.value);
      setFailure(s.ok ? undefined : s.message);
      setRegister(r.ok ? r.value : null);
    });
    return () => {
      live = false;
    };
  }, [api, unit, year, reload]);

  const isCommune = summary !== undefined && summary.byUnit.length === 0;
  const ownCommune = session.user.grants.some(
    (g) => g.unitCode === unit && ['commune_officer', 'unit_head', 'admin'].includes(g.role),
  );
  const units = [...new Set([...grantUnits, unit])];
  return (
    <main id="main" className="app-page register-page">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <div className="app-card plan-filters">
        <UnitSelectField id="register-unit" label={t.unit} units={units} value={unit} onChange={setUnit} />
        <div className="app-field">
          <label htmlFor="register-year">{t.year}</label>
          <select id="register-year" value={String(year)} onChange={(e) => setYear(Number(e.target.value))}>
            {[thisYear, thisYear - 1, thisYear - 2, thisYear - 3].map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      {saved ? (
        <p role="status" className="app-notice">
          {t.saved}
        </p>
      ) : null}
      {failure ? <p className="app-error">{failure}</p> : null}
      {!summary && !failure ? <p className="app-muted">{t.loading}</p> : null}
      {summary ? (
        <table className="app-table register-summary">
          <caption>
            {t.summary} — {t.summaryCaption(unitName(summary.unitCode), summary.registers)}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t.unitCol}</th>
              {REGISTER_CATEGORIES.map((c) => (
                <th key={c} scope="col">
                  {t.categories[c]} ({t.households} / {t.people})
                </th>
              ))}
              <th scope="col">{t.ethnic}</th>
            </tr>
          </thead>
          <tbody>
            {[...summary.byUnit, { unitCode: summary.unitCode, name: '', counts: summary.counts, registers: 0 }].map(
              (row) => (
                <tr key={row.unitCode} className={row.unitCode === summary.unitCode ? 'register-total' : undefined}>
                  <th scope="row" data-label={t.unitCol}>
                    {row.unitCode === summary.unitCode ? (
                      unitName(row.unitCode)
                    ) : (
                      <button type="button" className="app-link-button" onClick={() => setUnit(row.unitCode)}>
                        {unitName(row.unitCode)}
                      </button>
                    )}
                  </th>
                  {REGISTER_CATEGORIES.map((c) => (
                    <td key={c} data-label={`${t.categories[c]} (${t.households} / ${t.people})`}>
                      {number(row.counts.households[c])} / {number(row.counts.people[c])}
                    </td>
                  ))}
                  <td data-label={t.ethnic}>{number(row.counts.ethnicMinorityHouseholds)}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      ) : null}
      {isCommune && register === null ? <p>{t.none}</p> : null}
      {register ? (
        <section className="app-card" aria-labelledby="register-households">
          <h2 id="register-households">{t.register(unitName(register.unitCode), register.year)}</h2>
          <p className="app-muted">
            {t.revision(register.revision, register.byName, formatDateTime(register.at), register.reason)}
          </p>
          <table className="app-table">
            <thead>
              <tr>
                <th scope="col">{t.head}</th>
                <th scope="col">{t.cccd}</th>
                <th scope="col">{t.hamlet}</th>
                <th scope="col">{t.category}</th>
                <th scope="col">{t.ethnic}</th>
                <th scope="col">{t.members}</th>
              </tr>
            </thead>
            <tbody>
              {register.households.map((h, i) => (
                <tr key={`${h.cccd}-${i}`}>
                  <th scope="row" data-label={t.head}>
                    {h.headName}
                  </th>
                  <td data-label={t.cccd}>{h.cccd}</td>
                  <td data-label={t.hamlet}>{h.hamlet}</td>
                  <td data-label={t.category}>{t.categories[h.category]}</td>
                  <td data-label={t.ethnic}>{h.ethnicMinority ? t.yes : t.no}</td>
                  <td data-label={t.members}>{h.members.map((m) => `${m.name} (${m.cccd})`).join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {isCommune && register !== undefined && (register ? register.mayEdit : ownCommune) ? (
        <RegisterImport
          key={`${unit}-${year}-${register?.revision ?? 0}`}
          unitCode={unit}
          year={year}
          revision={register?.revision ?? 0}
          t={t}
          onSaved={() => {
            setSaved(true);
            setReload((n) => n + 1);
          }}
        />
      ) : null}
    </main>
  );
}
