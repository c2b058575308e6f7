import { useEffect, useState, type FormEvent } from 'react';
import type { Plan, PlanSourceList, PlanTarget } from '../../../api-contract';
import { PLAN_METRICS, PLAN_PERIOD_KINDS } from '../../../domain/plans/plan';
import { PLAN_PROGRAMMES } from '../../../domain/plans/plan-programmes';
import { PROGRAMME_SUPPORT_TYPES, supportLabel } from '../../../domain/reports/support-labels';
import { formatDmyDate } from '../../shared/widgets/format-dmy-date';
import { AdminField } from '../admin/admin-field';
import { fieldMessage, SubmitWithProblems, type ApiFailure } from '../admin/api-problems';
import { DmyDateInput, readDmyDates } from '../admin/dmy-date-input';
import { useAppServices } from '../app-services';
import { useAdminUnits } from '../units/use-admin-units';
import { useUnitName } from '../units/use-unit-name';
import type { PlanText } from './plan-text';

/** A target as typed: every field a text, numbers read when sent. */
interface TargetRow {
  programme: string;
  supportType: string;
  fundId: string;
  unitCode: string;
  metric: string;
  value: string;
  baseline: string;
  /** Coverage measured against the poverty register: '' (a typed baseline), 'households' or 'people'. */
  fromRegister: '' | 'households' | 'people';
  note: string;
  /** What the form does not edit, kept as it was read so a new revision does not drop it (a staff basis, …). */
  kept?: Pick<PlanTarget, 'staffBasis' | 'sourceLevels' | 'counting'>;
}

const emptyRow: TargetRow = {
  programme: 'housing',
  supportType: '',
  fundId: '',
  unitCode: '',
  metric: 'count',
  value: '',
  baseline: '',
  fromRegister: '',
  note: '',
};

const rowOf = (t: PlanTarget): TargetRow => ({
  programme: t.programme,
  supportType: t.supportType ?? '',
  fundId: t.fundId ?? '',
  unitCode: t.unitCode ?? '',
  metric: t.metric,
  value: String(t.value),
  baseline: t.baseline === undefined ? '' : String(t.baseline),
  fromRegister: t.registerBaseline?.counting ?? '',
  note: t.note ?? '',
  kept: {
    ...(t.staffBasis ? { staffBasis: t.staffBasis } : {}),
    ...(t.sourceLevels ? { sourceLevels: t.sourceLevels } : {}),
    ...(t.counting ? { counting: t.counting } : {}),
  },
});

/** A typed number (`1.560.000.000`, `70,5`), or the text as typed so that the server names the field it refuses. */
function numberOf(text: string): number | string {
  const plain = text.trim().replace(/[.\s]/g, '').replace(',', '.');
  return plain !== '' && Number.isFinite(Number(plain)) ? Number(plain) : text;
}

function targetOf(row: TargetRow): Record<string, unknown> {
  return {
    programme: row.programme,
    metric: row.metric,
    value: numberOf(row.value),
    ...(row.supportType.trim() ? { supportType: row.supportType.trim() } : {}),
    ...(row.fundId ? { fundId: row.fundId } : {}),
    ...(row.unitCode ? { unitCode: row.unitCode } : {}),
    ...(row.baseline.trim() ? { baseline: numberOf(row.baseline) } : {}),
    ...(row.fromRegister
      ? { registerBaseline: { categories: ['poor', 'near_poor'], counting: row.fromRegister } }
      : {}),
    ...(row.note.trim() ? { note: row.note.trim() } : {}),
    ...row.kept,
  };
}

/**
 * Creating a plan (`POST /api/plans`) or its next revision (`PUT /api/plans/{id}` with the revision it was read at
 * and the reason): the unit, lower units and sources chosen by name, dates typed as dd/mm/yyyy, one row per target.
 * What the server refuses is shown under each field, in the page's language (the API answers in it).
 */
export function PlanForm({
  plan,
  units,
  t,
  onSaved,
  onCancel,
}: {
  /** The plan to edit; a new plan when absent. */
  plan?: Plan;
  /** The units the person may make plans for (their own units). */
  units: string[];
  t: PlanText;
  onSaved(plan: Plan): void;
  onCancel(): void;
}) {
  const { api, lang } = useAppServices();
  const unitName = useUnitName();
  const [unitCode, setUnitCode] = useState(plan?.unitCode ?? units[0] ?? '');
  const [title, setTitle] = useState(plan?.title ?? '');
  const [kind, setKind] = useState<string>(plan?.kind ?? 'year');
  const [from, setFrom] = useState(formatDmyDate(plan?.from) ?? '');
  const [to, setTo] = useState(formatDmyDate(plan?.to) ?? '');
  const [basis, setBasis] = useState(plan?.basis ?? '');
  const [reason, setReason] = useState('');
  const [rows, setRows] = useState<TargetRow[]>(plan ? plan.targets.map(rowOf) : [{ ...emptyRow }]);
  const [dateProblems, setDateProblems] = useState<{ from?: string; to?: string }>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure>();
  const below = useAdminUnits(unitCode);
  const [funds, setFunds] = useState<PlanSourceList['items']>([]);
  useEffect(() => {
    if (!unitCode) return;
    let live = true;
    void api.get<PlanSourceList>(`/api/plan-sources?unit=${encodeURIComponent(unitCode)}`).then((answer) => {
      if (live && answer.ok) setFunds(answer.value.items);
    });
    return () => {
      live = false;
    };
  }, [api, unitCode]);

  const lowerUnits = (below ?? []).map((u) => u.code).filter((code) => code !== unitCode);
  const error = (path: string) => fieldMessage(failure, path);
  const setRow = (i: number, change: Partial<TargetRow>) =>
    setRows((all) => all.map((row, j) => (j === i ? { ...row, ...change } : row)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const read = readDmyDates({ from, to }, lang);
    setDateProblems('problems' in read ? read.problems : {});
    if (!('days' in read)) return;
    const fields = {
      title: title.trim(),
      kind,
      from: read.days.from,
      to: read.days.to,
      ...(basis.trim() ? { basis: basis.trim() } : {}),
      targets: rows.map(targetOf),
    };
    setBusy(true);
    setFailure(undefined);
    const answer = plan
      ? await api.put<Plan>(`/api/plans/${encodeURIComponent(plan.id)}`, {
          ...fields,
          expectedRevision: plan.revision,
          reason: reason.trim(),
        })
      : await api.post<Plan>('/api/plans', { ...fields, unitCode });
    setBusy(false);
    if (answer.ok) onSaved(answer.value);
    else setFailure(answer);
  };

  const formId = plan ? `plan-edit-${plan.id}` : 'plan-create';
  return (
    <form
      className="app-card plan-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={`${formId}-title`}
    >
      <h2 id={`${formId}-title`}>{plan ? `${t.edit}: ${plan.title}` : t.newPlan}</h2>
      {plan ? null : (
        <AdminField
          id={`${formId}-unit`}
          label={t.unit}
          error={error('/unitCode')}
          control={(a) => (
            <select {...a} value={unitCode} onChange={(e) => setUnitCode(e.target.value)}>
              {units.map((code) => (
                <option key={code} value={code}>
                  {unitName(code)}
                </option>
              ))}
            </select>
          )}
        />
      )}
      <AdminField
        id={`${formId}-title-input`}
        label={t.planTitle}
        error={error('/title')}
        control={(a) => <input {...a} value={title} onChange={(e) => setTitle(e.target.value)} />}
      />
      <AdminField
        id={`${formId}-kind`}
        label={t.kind}
        error={error('/kind')}
        control={(a) => (
          <select {...a} value={kind} onChange={(e) => setKind(e.target.value)}>
            {PLAN_PERIOD_KINDS.map((k) => (
              <option key={k} value={k}>
                {t.kinds[k]}
              </option>
            ))}
          </select>
        )}
      />
      <div className="plan-dates">
        <DmyDateInput
          id={`${formId}-from`}
          label={t.from}
          error={dateProblems.from ?? error('/from')}
          value={from}
          lang={lang}
          onChange={setFrom}
        />
        <DmyDateInput
          id={`${formId}-to`}
          label={t.to}
          error={dateProblems.to ?? error('/to')}
          value={to}
          lang={lang}
          onChange={setTo}
        />
      </div>
      <AdminField
        id={`${formId}-basis`}
        label={t.basis}
        error={error('/basis')}
        control={(a) => <input {...a} value={basis} onChange={(e) => setBasis(e.target.value)} />}
      />
      <fieldset className="plan-targets">
        <legend>{t.targets}</legend>
        {error('/targets') && !rows.some((_r, i) => error(`/targets/${i}`)) ? (
          <p className="app-error">{error('/targets')}</p>
        ) : null}
        {rows.map((row, i) => {
          const id = `${formId}-t${i}`;
          const at = `/targets/${i}`;
          // A problem of the whole row (the same target twice) rather than of one of its fields.
          const rowProblem = failure?.fields
            .filter((f) => f.path === at)
            .map((f) => f.message)
            .join('; ');
          return (
            <fieldset key={i} className="plan-target-row">
              <legend>{t.targetNo(i + 1)}</legend>
              {rowProblem ? <p className="app-error">{rowProblem}</p> : null}
              <AdminField
                id={`${id}-programme`}
                label={t.programme}
                error={error(`${at}/programme`)}
                control={(a) => (
                  <select {...a} value={row.programme} onChange={(e) => setRow(i, { programme: e.target.value })}>
                    {Object.entries(PLAN_PROGRAMMES).map(([code, name]) => (
                      <option key={code} value={code}>
                        {name[lang]}
                      </option>
                    ))}
                  </select>
                )}
              />
              <AdminField
                id={`${id}-metric`}
                label={t.metric}
                error={error(`${at}/metric`)}
                control={(a) => (
                  <select {...a} value={row.metric} onChange={(e) => setRow(i, { metric: e.target.value })}>
                    {PLAN_METRICS.map((m) => (
                      <option key={m} value={m}>
                        {t.metrics[m]}
                      </option>
                    ))}
                  </select>
                )}
              />
              <AdminField
                id={`${id}-value`}
                label={t.value}
                error={error(`${at}/value`)}
                control={(a) => (
                  <input
                    {...a}
                    inputMode="decimal"
                    value={row.value}
                    onChange={(e) => setRow(i, { value: e.target.value })}
                  />
                )}
              />
              <AdminField
                id={`${id}-unit`}
                label={t.lowerUnit}
                error={error(`${at}/unitCode`)}
                control={(a) => (
                  <select {...a} value={row.unitCode} onChange={(e) => setRow(i, { unitCode: e.target.value })}>
                    <option value="">{t.wholeUnit}</option>
                    {[...lowerUnits, ...(row.unitCode && !lowerUnits.includes(row.unitCode) ? [row.unitCode] : [])].map(
                      (code) => (
                        <option key={code} value={code}>
                          {unitName(code)}
                        </option>
                      ),
                    )}
                  </select>
                )}
              />
              <AdminField
                id={`${id}-fund`}
                label={t.source}
                error={error(`${at}/fundId`)}
                control={(a) => (
                  <select {...a} value={row.fundId} onChange={(e) => setRow(i, { fundId: e.target.value })}>
                    <option value="">{t.allSources}</option>
                    {funds.map((f) => (
                      <option key={f.id} value={f.id}>
                        {f.name} — {unitName(f.unitCode)}
                      </option>
                    ))}
                    {row.fundId && !funds.some((f) => f.id === row.fundId) ? (
                      <option value={row.fundId}>{plan?.names.funds[row.fundId] ?? row.fundId}</option>
                    ) : null}
                  </select>
                )}
              />
              <AdminField
                id={`${id}-support`}
                label={t.supportType}
                error={error(`${at}/supportType`)}
                control={(a) => (
                  <select {...a} value={row.supportType} onChange={(e) => setRow(i, { supportType: e.target.value })}>
                    <option value="">{t.allSupportTypes}</option>
                    {(PROGRAMME_SUPPORT_TYPES[row.programme] ?? []).map((code) => (
                      <option key={code} value={code}>
                        {supportLabel(code)[lang]}
                      </option>
                    ))}
                    {row.supportType && !(PROGRAMME_SUPPORT_TYPES[row.programme] ?? []).includes(row.supportType) ? (
                      <option value={row.supportType}>{supportLabel(row.supportType)[lang]}</option>
                    ) : null}
                  </select>
                )}
              />
              <AdminField
                id={`${id}-baseline`}
                label={t.baseline}
                error={error(`${at}/baseline`)}
                control={(a) => (
                  <input
                    {...a}
                    inputMode="numeric"
                    value={row.baseline}
                    onChange={(e) => setRow(i, { baseline: e.target.value })}
                  />
                )}
              />
              <AdminField
                id={`${id}-register`}
                label={t.fromRegister}
                error={error(`${at}/registerBaseline`)}
                control={(a) => (
                  <select
                    {...a}
                    value={row.fromRegister}
                    onChange={(e) => setRow(i, { fromRegister: e.target.value as TargetRow['fromRegister'] })}
                  >
                    <option value="">{t.fromRegisterNone}</option>
                    <option value="households">{t.fromRegisterHouseholds}</option>
                    <option value="people">{t.fromRegisterPeople}</option>
                  </select>
                )}
              />
              <AdminField
                id={`${id}-note`}
                label={t.note}
                error={error(`${at}/note`)}
                control={(a) => <input {...a} value={row.note} onChange={(e) => setRow(i, { note: e.target.value })} />}
              />
              <button
                type="button"
                className="app-link-button"
                onClick={() => setRows((all) => all.filter((_r, j) => j !== i))}
              >
                {t.removeTarget(i + 1)}
              </button>
            </fieldset>
          );
        })}
        <button
          type="button"
          className="app-button app-button-secondary"
          onClick={() => setRows((all) => [...all, { ...emptyRow }])}
        >
          {t.addTarget}
        </button>
      </fieldset>
      {plan ? (
        <AdminField
          id={`${formId}-reason`}
          label={t.reason}
          error={error('/reason')}
          control={(a) => <input {...a} value={reason} onChange={(e) => setReason(e.target.value)} />}
        />
      ) : null}
      <SubmitWithProblems failure={failure} fields={[]} busy={busy} label={plan ? t.save : t.create} />
      <button type="button" className="app-link-button" onClick={onCancel}>
        {t.cancel}
      </button>
    </form>
  );
}
