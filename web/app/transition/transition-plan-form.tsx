import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { AdminUser, AdminUserList, TransitionPlan, UnitItem } from '../../../api-contract';
import { AdminField } from '../admin/admin-field';
import { fieldMessage, SubmitWithProblems } from '../admin/api-problems';
import { DmyDateInput, readDmyDate } from '../admin/dmy-date-input';
import { useAdminPost } from '../admin/use-admin-post';
import { useAppServices } from '../app-services';
import { useUnitName } from '../units/use-unit-name';
import { DefinitionChangeFields, type DefinitionEndRow } from './definition-change-fields';
import { GrantChangeFields, type GrantStartRow } from './grant-change-fields';
import { dayBefore, grantsAtUnits, isNationalAdmin } from './plan-changes';
import { defaultStep, parseRef, StepMappingFields } from './step-mapping-fields';
import type { TransitionText } from './transition-text';
import { defaultSuccessor, retiredBy, UnitMappingFields } from './unit-mapping-fields';
import { useDefinitionLookup, type DefinitionRef } from './use-definition-lookup';
import { usePublishedProcesses } from './use-published-processes';

/**
 * Preparing a transition plan (POST /api/admin/transition-plans): name, legal basis, reform date (dd/mm/yyyy), the
 * unit mapping (by default every retired unit to its only successor), the step mapping between two published process
 * versions, the dossiers finished on the old process by a named unit, the process versions that end and start (national
 * administrators only) and the grants that end (by default every grant at the retired units, shown) and start. The API
 * checks every unit, definition, step and grant; its field errors are shown at their fields.
 */
export function TransitionPlanForm({
  units,
  t,
  onCreated,
}: {
  /** The units of the administrator's area, past and present. */
  units: readonly UnitItem[];
  t: TransitionText;
  onCreated(plan: TransitionPlan): void;
}) {
  const { api, lang, session } = useAppServices();
  const national = isNationalAdmin(session.user.grants);
  const unitName = useUnitName();
  const { busy, failure, post } = useAdminPost();
  const published = usePublishedProcesses();
  const [name, setName] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [reformText, setReformText] = useState('');
  const [dateProblem, setDateProblem] = useState<string>();
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const [unitChoices, setUnitChoices] = useState<Record<string, string>>({});
  const [from, setFrom] = useState<DefinitionRef>();
  const [to, setTo] = useState<DefinitionRef>();
  const [stepChoices, setStepChoices] = useState<Record<string, string>>({});
  const [finish, setFinish] = useState<{ dossierId: string; unitCode: string }[]>([]);
  const [sentUnits, setSentUnits] = useState<string[]>([]);
  const [defEnds, setDefEnds] = useState<DefinitionEndRow[]>([]);
  const [defStarts, setDefStarts] = useState<string[]>([]);
  const [endDayProblems, setEndDayProblems] = useState<Record<number, string>>({});
  const [users, setUsers] = useState<AdminUser[]>();
  const [explicitGrants, setExplicitGrants] = useState(false);
  /**
   * Chosen one by one: the grants of the default list the administrator unticked (kept). Every other grant listed is
   * ended, also one listed later (the users arriving, the reform date changed), as the server's default would.
   */
  const [keptGrants, setKeptGrants] = useState<Set<string>>(new Set());
  const [usersProblem, setUsersProblem] = useState<string | undefined>();
  /** Rows of the definitions sections left without a process: shown at the row, not dropped silently. */
  const [refProblems, setRefProblems] = useState<{ ends: Record<number, string>; starts: Record<number, string> }>({
    ends: {},
    starts: {},
  });
  const [grantStarts, setGrantStarts] = useState<GrantStartRow[]>([]);
  const lookup = useDefinitionLookup(
    useMemo(() => [from, to].filter((r) => r !== undefined), [from, to]),
    t.versionOf,
  );

  useEffect(() => {
    let live = true;
    // The people of the administrator's units: whose grants end, and who may be given one (the API's page limit).
    void api.get<AdminUserList>('/api/admin/users?limit=500').then((answer) => {
      if (!live) return;
      if (answer.ok) setUsers(answer.value.items);
      else {
        setUsers([]);
        setUsersProblem(answer.message);
      }
    });
    return () => {
      live = false;
    };
  }, [api]);

  const read = readDmyDate(reformText, lang);
  const reformDate = 'iso' in read ? read.iso : '';
  // What the API ends by default: every grant at a unit the plan retires (mapped from, or retired before the date).
  const retiredGrants = useMemo(
    () => (reformDate && users ? grantsAtUnits(users, new Set(retiredBy(units, reformDate).map((u) => u.code))) : []),
    [reformDate, users, units],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const empty = new Set(Object.keys(blank).filter((k) => blank[k]));
    setMissing(empty);
    setDateProblem('problem' in read ? read.problem : undefined);
    const endDays = defEnds.map((row) => readDmyDate(row.lastDay, lang));
    const dayProblems = Object.fromEntries(
      endDays.flatMap((d, i) => ('problem' in d ? [[i, d.problem] as const] : [])),
    );
    setEndDayProblems(dayProblems);
    const unchosen = (refs: readonly string[]) =>
      Object.fromEntries(refs.flatMap((ref, i) => (ref ? [] : [[i, t.required] as const])));
    const rowProblems = national
      ? { ends: unchosen(defEnds.map((row) => row.ref)), starts: unchosen(defStarts) }
      : { ends: {}, starts: {} };
    setRefProblems(rowProblems);
    const unchosenRows = Object.keys(rowProblems.ends).length + Object.keys(rowProblems.starts).length;
    if (empty.size > 0 || 'problem' in read || Object.keys(dayProblems).length > 0 || unchosenRows > 0) return;
    const unitMapping = retiredBy(units, reformDate)
      .map((u) => ({ from: u.code, to: unitChoices[u.code] ?? defaultSuccessor(u) }))
      .filter((m) => m.to !== '');
    setSentUnits(unitMapping.map((m) => m.from));
    const old = from && lookup.definition(from);
    const definitionMapping =
      old && from && to
        ? old.steps
            .map((s) => ({ step: s.id, target: stepChoices[s.id] ?? defaultStep(lookup, to, s.id) }))
            .filter((m) => m.target !== '')
            .map((m) => ({ from: { ...from, step: m.step }, to: { ...to, step: m.target } }))
        : [];
    if (definitionMapping.length === 0) return setMissing(new Set([...empty, 'steps']));
    const plan = await post<TransitionPlan>('/api/admin/transition-plans', {
      name: name.trim(),
      legalBasis: legalBasis.trim(),
      reformDate,
      unitMapping,
      definitionMapping,
      finishOnOld: finish
        .filter((f) => f.dossierId.trim() || f.unitCode)
        .map((f) => ({ dossierId: f.dossierId.trim(), unitCode: f.unitCode })),
      ...(national
        ? {
            definitionsEnd: defEnds.flatMap((row, i) => {
              const ref = parseRef(row.ref);
              const day = endDays[i]!;
              const lastDay = 'iso' in day && day.iso ? day.iso : dayBefore(reformDate);
              return ref ? [{ ...ref, lastDay }] : [];
            }),
            definitionsStart: defStarts.flatMap((r) => {
              const ref = parseRef(r);
              return ref ? [{ ...ref, firstDay: reformDate }] : [];
            }),
          }
        : {}),
      // Absent: the API ends every grant at the units the plan retires, the list the page showed.
      ...(explicitGrants
        ? {
            grantsEnd: retiredGrants
              .filter((g) => !keptGrants.has(g.key))
              .map(({ unitCode, username, role }) => ({ unitCode, username, role })),
          }
        : {}),
      grantsStart: grantStarts
        .filter((g) => g.username || g.role || g.unitCode)
        .map((g) => ({ ...g, from: reformDate })),
    });
    if (plan) onCreated(plan);
  };

  // "Required" stays until the field holds something again.
  const blank: Record<string, boolean> = {
    name: !name.trim(),
    legalBasis: !legalBasis.trim(),
    reformText: !reformText.trim(),
  };
  const error = (path: string, key?: string) =>
    (key && missing.has(key) && blank[key] ? t.required : undefined) ?? fieldMessage(failure, path);
  const shownPaths = [
    /^\/(name|legalBasis|reformDate|unitMapping|definitionMapping|finishOnOld)(\/|$)/,
    /^\/(definitionsEnd|definitionsStart|grantsStart)\/\d+\/(processKey|processVersion|lastDay|username|role|unitCode)$/,
    /^\/grantsEnd$/,
  ];
  return (
    <form className="app-card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="transition-new">
      <h2 id="transition-new">{t.newPlan}</h2>
      <AdminField
        id="transition-name"
        label={t.name}
        error={error('/name', 'name')}
        control={(a) => <input {...a} value={name} onChange={(e) => setName(e.target.value)} />}
      />
      <AdminField
        id="transition-legal-basis"
        label={t.legalBasis}
        error={error('/legalBasis', 'legalBasis')}
        control={(a) => <input {...a} value={legalBasis} onChange={(e) => setLegalBasis(e.target.value)} />}
      />
      <DmyDateInput
        id="transition-reform-date"
        label={t.reformDate}
        error={dateProblem ?? error('/reformDate', 'reformText')}
        value={reformText}
        lang={lang}
        onChange={setReformText}
      />
      {reformDate ? (
        <UnitMappingFields
          units={units}
          reformDate={reformDate}
          chosen={unitChoices}
          onChange={(code, target) => setUnitChoices((c) => ({ ...c, [code]: target }))}
          failure={failure}
          sentOrder={sentUnits}
          t={t}
        />
      ) : null}
      <StepMappingFields
        published={published}
        from={from}
        to={to}
        steps={stepChoices}
        lookup={lookup}
        onDefinitions={(f, n) => {
          setFrom(f);
          setTo(n);
          setStepChoices({});
        }}
        onStep={(step, target) => setStepChoices((c) => ({ ...c, [step]: target }))}
        failure={failure}
        problem={missing.has('steps') ? t.noStepMapped : undefined}
        t={t}
      />
      <fieldset className="app-fieldset" data-finish-on-old>
        <legend>{t.finishOnOld}</legend>
        <p className="app-muted">{t.finishOnOldHint}</p>
        {finish.map((f, i) => (
          <div className="app-row-fields" key={i}>
            <AdminField
              id={`transition-finish-${i}-dossier`}
              label={t.dossierCode}
              error={fieldMessage(failure, `/finishOnOld/${i}/dossierId`)}
              control={(a) => (
                <input
                  {...a}
                  value={f.dossierId}
                  onChange={(e) =>
                    setFinish((l) => l.map((x, j) => (j === i ? { ...x, dossierId: e.target.value } : x)))
                  }
                />
              )}
            />
            <AdminField
              id={`transition-finish-${i}-unit`}
              label={t.finishingUnit}
              error={fieldMessage(failure, `/finishOnOld/${i}/unitCode`)}
              control={(a) => (
                <select
                  {...a}
                  value={f.unitCode}
                  onChange={(e) =>
                    setFinish((l) => l.map((x, j) => (j === i ? { ...x, unitCode: e.target.value } : x)))
                  }
                >
                  <option value="">{t.chooseUnit}</option>
                  {units.map((u) => (
                    <option key={u.code} value={u.code}>
                      {unitName(u.code)}
                    </option>
                  ))}
                </select>
              )}
            />
            <button
              type="button"
              className="app-link-button"
              aria-label={t.removeDossier(i + 1)}
              onClick={() => setFinish((l) => l.filter((_, j) => j !== i))}
            >
              {t.cancel}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="app-button app-button-secondary"
          onClick={() => setFinish((l) => [...l, { dossierId: '', unitCode: '' }])}
        >
          {t.addDossier}
        </button>
      </fieldset>
      <DefinitionChangeFields
        national={national}
        published={published}
        reformDate={reformDate}
        ends={defEnds}
        starts={defStarts}
        onEnds={setDefEnds}
        onStarts={setDefStarts}
        dateProblems={endDayProblems}
        refProblems={refProblems}
        failure={failure}
        t={t}
      />
      {usersProblem ? (
        <p className="app-error" role="alert">
          {t.usersFailed(usersProblem)}
        </p>
      ) : null}
      <GrantChangeFields
        reformDate={reformDate}
        units={units}
        users={users}
        retiredGrants={retiredGrants}
        explicit={explicitGrants}
        ended={new Set(retiredGrants.filter((g) => !keptGrants.has(g.key)).map((g) => g.key))}
        starts={grantStarts}
        onExplicit={(explicit) => {
          setExplicitGrants(explicit);
          // Choosing starts from the default list: every grant it would end, to untick.
          if (explicit) setKeptGrants(new Set());
        }}
        onEnded={(ended) => setKeptGrants(new Set(retiredGrants.filter((g) => !ended.has(g.key)).map((g) => g.key)))}
        onStarts={setGrantStarts}
        failure={failure}
        t={t}
      />
      <SubmitWithProblems
        failure={failure}
        fields={failure?.fields.filter((f) => !shownPaths.some((p) => p.test(f.path)))}
        busy={busy}
        label={t.create}
      />
    </form>
  );
}
