import type { PlanTargetProgress } from '../../../api-contract';
import type { RegisterText } from './register-text';

type Detail = NonNullable<PlanTargetProgress['register']>;

/**
 * A coverage target measured against the poverty register: covered / total per commune, and, for the person's own
 * commune only (the API sends no names to anyone else), the households not yet covered, so the commune can act.
 */
export function RegisterCoverageView({ title, detail, t }: { title: string; detail: Detail; t: RegisterText }) {
  return (
    <section className="register-coverage" aria-label={`${t.coverage}: ${title}`}>
      <table className="app-table">
        <caption>
          {t.coverage}: {title}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.unitCol}</th>
            <th scope="col">{t.covered}</th>
            <th scope="col">{t.total}</th>
          </tr>
        </thead>
        <tbody>
          {detail.byCommune.map((c) => (
            <tr key={c.unitCode}>
              <th scope="row" data-label={t.unitCol}>
                {c.name}
              </th>
              <td data-label={t.covered}>{c.covered.toLocaleString('vi-VN')}</td>
              <td data-label={t.total}>{c.total.toLocaleString('vi-VN')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {detail.uncovered.map((commune) => (
        <div key={commune.unitCode} className="register-uncovered">
          <h3>{t.uncovered(commune.name)}</h3>
          {commune.households.length === 0 ? (
            <p>{t.allCovered}</p>
          ) : (
            <table className="app-table">
              <thead>
                <tr>
                  <th scope="col">{t.head}</th>
                  <th scope="col">{t.cccd}</th>
                  <th scope="col">{t.hamlet}</th>
                  <th scope="col">{t.category}</th>
                  <th scope="col">{t.peopleLeft}</th>
                </tr>
              </thead>
              <tbody>
                {commune.households.map((h, i) => (
                  <tr key={`${h.cccd}-${i}`}>
                    <th scope="row" data-label={t.head}>
                      {h.headName}
                    </th>
                    <td data-label={t.cccd}>{h.cccd}</td>
                    <td data-label={t.hamlet}>{h.hamlet}</td>
                    <td data-label={t.category}>{t.categories[h.category]}</td>
                    <td data-label={t.peopleLeft}>
                      {h.uncoveredPeople} / {h.people}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </section>
  );
}
