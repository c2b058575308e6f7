import { useEffect, useMemo, useState } from 'react';
import type { Plan, PlanList } from '../../../api-contract';
import { vietnamDate } from '../../../domain/time/vietnam-date';
import { formatDmyDate } from '../../shared/widgets/format-dmy-date';
import { useAppServices } from '../app-services';
import { formatDateTime } from '../format/format-date-time';
import { PlanForm } from '../plans/plan-form';
import { PlanProgressView } from '../plans/plan-progress-view';
import { planText } from '../plans/plan-text';
import { UnitSelectField } from '../units/unit-select-field';
import { useUnitName } from '../units/use-unit-name';

type Editing = { mode: 'new' } | { mode: 'edit'; plan: Plan } | undefined;

/**
 * "Kế hoạch" (`/plans`): the plans of the chosen unit (one of the person's) and the units below it, and the targets
 * the levels above set for it; each plan's progress on demand (targets with bars, the figures per lower unit);
 * creating a plan and editing one (a new revision) where the API says the person may. The API decides everything.
 */
export function PlansPage() {
  const { api, lang, session } = useAppServices();
  const t = planText(lang);
  const unitName = useUnitName();
  const grantUnits = useMemo(() => [...new Set(session.user.grants.map((g) => g.unitCode))], [session]);
  const thisYear = Number(vietnamDate(new Date()).slice(0, 4));
  const [unit, setUnit] = useState(grantUnits[0] ?? '');
  const [year, setYear] = useState<string>('');
  const [plans, setPlans] = useState<Plan[]>();
  const [failure, setFailure] = useState<string>();
  const [open, setOpen] = useState<string>();
  const [editing, setEditing] = useState<Editing>();
  const [reload, setReload] = useState(0);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    let live = true;
    setPlans(undefined);
    const query = new URLSearchParams({ unit, ...(year ? { year } : {}) });
    void api.get<PlanList>(`/api/plans?${query.toString()}`).then((answer) => {
      if (!live) return;
      if (answer.ok) {
        setPlans(answer.value.items);
        setFailure(undefined);
      } else setFailure(answer.message);
    });
    return () => {
      live = false;
    };
  }, [api, unit, year, reload]);

  const onSaved = (plan: Plan) => {
    setEditing(undefined);
    setSaved(true);
    setOpen(plan.id);
    setReload((n) => n + 1);
  };

  return (
    <main id="main" className="app-page plans-page">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <div className="app-card plan-filters">
        <UnitSelectField id="plans-unit" label={t.unit} units={grantUnits} value={unit} onChange={setUnit} />
        <div className="app-field">
          <label htmlFor="plans-year">{t.year}</label>
          <select id="plans-year" value={year} onChange={(e) => setYear(e.target.value)}>
            <option value="">{t.allYears}</option>
            {[thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3].map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </select>
        </div>
        {editing ? null : (
          <button type="button" className="app-button" onClick={() => setEditing({ mode: 'new' })}>
            {t.newPlan}
          </button>
        )}
      </div>
      {saved ? (
        <p role="status" className="app-notice">
          {t.saved}
        </p>
      ) : null}
      {editing ? (
        <PlanForm
          key={editing.mode === 'edit' ? `${editing.plan.id}@${editing.plan.revision}` : 'new'}
          {...(editing.mode === 'edit' ? { plan: editing.plan } : {})}
          units={editing.mode === 'edit' ? [editing.plan.unitCode] : grantUnits}
          t={t}
          onSaved={onSaved}
          onCancel={() => setEditing(undefined)}
        />
      ) : null}
      {failure ? <p className="app-error">{failure}</p> : null}
      {!plans && !failure ? <p className="app-muted">{t.loading}</p> : null}
      {plans && plans.length === 0 ? <p>{t.none}</p> : null}
      <ul className="plan-list">
        {(plans ?? []).map((plan) => (
          <li key={plan.id} className="app-card plan-card" data-testid={`plan-${plan.id}`}>
            <h2>{plan.title}</h2>
            <p>
              <strong>{unitName(plan.unitCode)}</strong> · {t.kinds[plan.kind]} {formatDmyDate(plan.from)}–
              {formatDmyDate(plan.to)}
            </p>
            {plan.basis ? <p className="app-muted">{plan.basis}</p> : null}
            {plan.view === 'targets_for_us' ? <p className="app-badge app-badge-near-due">{t.forUs}</p> : null}
            <p className="app-muted">{t.revision(plan.revision, plan.updatedBy, formatDateTime(plan.updatedAt))}</p>
            <div className="app-actions">
              <button
                type="button"
                className="app-button app-button-secondary"
                aria-expanded={open === plan.id}
                onClick={() => setOpen(open === plan.id ? undefined : plan.id)}
              >
                {t.open}
              </button>
              {plan.mayEdit ? (
                <button
                  type="button"
                  className="app-button app-button-secondary"
                  onClick={() => setEditing({ mode: 'edit', plan })}
                >
                  {t.edit}
                </button>
              ) : null}
            </div>
            {open === plan.id ? <PlanProgressView key={`${plan.id}@${plan.revision}`} planId={plan.id} t={t} /> : null}
          </li>
        ))}
      </ul>
    </main>
  );
}
