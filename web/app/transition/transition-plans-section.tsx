import { useCallback, useEffect, useState } from 'react';
import type { TransitionPlan, TransitionPlanList } from '../../../api-contract';
import { formatDmyDate } from '../../shared/widgets/format-dmy-date';
import { AdminTable } from '../admin/admin-table';
import { ApiProblems, type ApiFailure } from '../admin/api-problems';
import { useAppServices } from '../app-services';
import { BusyIndicator } from '../components/busy-indicator';
import { formatDateTime } from '../format/format-date-time';
import { useAdminUnits } from '../units/use-admin-units';
import { isNationalAdmin } from './plan-changes';
import { TransitionPlanForm } from './transition-plan-form';
import { TransitionPlanView } from './transition-plan-view';
import { transitionText } from './transition-text';

const NO_UNITS: never[] = [];

/**
 * The admin section "Phương án sắp xếp đơn vị" (docs/transition-plans.md): the plans the administrator may read,
 * preparing a new one, and one plan opened with its dry run, its execution and its reports.
 */
export function TransitionPlansSection() {
  const { api, lang, session } = useAppServices();
  const t = transitionText(lang);
  const root = session.user.grants.find((g) => g.role === 'admin')?.unitCode ?? '';
  // A national administrator administers no unit (`VN` is above the tree): their plans change the processes' dates,
  // and map, move and grant nothing of a province's (the API refuses units outside the caller's).
  const national = isNationalAdmin(session.user.grants);
  const administered = useAdminUnits(national ? '' : root, true);
  const units = national ? NO_UNITS : administered;
  const [plans, setPlans] = useState<TransitionPlan[]>();
  const [failure, setFailure] = useState<ApiFailure>();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const load = useCallback(async () => {
    const answer = await api.get<TransitionPlanList>('/api/admin/transition-plans');
    if (!answer.ok) return setFailure(answer);
    setFailure(undefined);
    setPlans(answer.value.items);
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);
  const open = plans?.find((p) => p.id === openId);
  return (
    <>
      <p className="app-muted">{t.intro}</p>
      <ApiProblems failure={failure} />
      {notice ? (
        <p className="app-notice" role="status">
          {notice}
        </p>
      ) : null}
      <div className="app-actions">
        <button
          type="button"
          className="app-button app-button-secondary"
          aria-expanded={creating}
          onClick={() => setCreating(!creating)}
        >
          {creating ? t.close : t.newPlan}
        </button>
      </div>
      {creating && units ? (
        <TransitionPlanForm
          units={units}
          t={t}
          onCreated={(plan) => {
            setCreating(false);
            setNotice(t.created(plan.name));
            setPlans((list) => [plan, ...(list ?? []).filter((p) => p.id !== plan.id)]);
            setOpenId(plan.id);
          }}
        />
      ) : null}
      {!plans && !failure ? <BusyIndicator label={t.loading} /> : null}
      {plans ? (
        <AdminTable
          caption={t.plans}
          columns={[t.name, t.reformDate, t.createdBy, t.state, t.open]}
          empty={plans.length === 0 ? t.noPlans : undefined}
        >
          {plans.map((p) => (
            <tr key={p.id} data-plan-row={p.id}>
              <td data-label={t.name}>
                {p.name}
                <br />
                <span className="app-muted">{p.legalBasis}</span>
              </td>
              <td data-label={t.reformDate}>{formatDmyDate(p.reformDate)}</td>
              <td data-label={t.createdBy}>
                {p.createdBy}
                <br />
                <span className="app-muted">{formatDateTime(p.createdAt)}</span>
              </td>
              <td data-label={t.state}>{p.executed ? t.executed : t.notExecuted}</td>
              <td data-label={t.open}>
                <button
                  type="button"
                  className="app-button app-button-secondary"
                  aria-label={p.id === openId ? t.closePlan(p.name) : t.openPlan(p.name)}
                  aria-pressed={p.id === openId}
                  onClick={() => setOpenId(p.id === openId ? undefined : p.id)}
                >
                  {p.id === openId ? t.close : t.open}
                </button>
              </td>
            </tr>
          ))}
        </AdminTable>
      ) : null}
      {open ? <TransitionPlanView key={open.id} plan={open} t={t} onChanged={() => void load()} /> : null}
    </>
  );
}
