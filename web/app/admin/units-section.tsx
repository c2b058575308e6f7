import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { formatDmyDate } from '../../shared/widgets/format-dmy-date';
import { useAppServices } from '../app-services';
import { BusyIndicator } from '../components/busy-indicator';
import { AdminField } from './admin-field';
import { AdminTable } from './admin-table';
import type { AdminText } from './admin-text';
import { ApiProblems, fieldMessage, SubmitWithProblems, type ApiFailure } from './api-problems';
import { adminDraftStore } from './admin-draft-store';
import { DraftRestoredNote } from './draft-restored-note';
import { DmyDateInput, useDmyField } from './dmy-date-input';
import { useAdminDraft } from './use-admin-draft';
import { useAdminPost } from './use-admin-post';
import { UnitValidityCell } from './unit-validity-cell';
import type { AdminUnit, UnitItem, UnitList } from '../../../api-contract';

const retireFormName = (code: string) => `unit-retire:${code}`;

/** Creating a unit; what is typed is kept as a draft until the unit exists. */
function CreateUnitForm({
  defaultParent,
  t,
  onCreated,
}: {
  defaultParent: string;
  t: AdminText;
  onCreated(code: string): void;
}) {
  const draft = useAdminDraft('unit-create', {
    code: '',
    name: '',
    nameEn: '',
    level: 'commune',
    parentCode: defaultParent,
    effectiveFrom: '',
  });
  const { code, name, nameEn, level, parentCode, effectiveFrom } = draft.values;
  const { busy, failure, post } = useAdminPost();
  const { lang } = useAppServices();
  const from = useDmyField(lang);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fromDay = from.read(effectiveFrom);
    if (fromDay === undefined) return;
    const body = {
      code: code.trim(),
      name: name.trim(),
      ...(nameEn.trim() ? { nameEn: nameEn.trim() } : {}),
      level,
      parentCode: parentCode.trim(),
      effectiveFrom: fromDay,
    };
    const unit = await post<AdminUnit>('/api/admin/units', body);
    if (!unit) return;
    draft.submitted();
    onCreated(unit._id);
  };
  const error = (path: string) => fieldMessage(failure, path);
  return (
    <form className="app-card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="admin-unit-create">
      <h2 id="admin-unit-create">{t.createUnit}</h2>
      <DraftRestoredNote restored={draft.restored} onDiscard={draft.discard} t={t} />
      <AdminField
        id="unit-parent"
        label={t.parentCode}
        error={error('/parentCode')}
        control={(a) => <input {...a} value={parentCode} onChange={(e) => draft.set({ parentCode: e.target.value })} />}
      />
      <AdminField
        id="unit-code"
        label={t.unitCodeField}
        error={error('/code')}
        control={(a) => (
          <input {...a} value={code} onChange={(e) => draft.set({ code: e.target.value })} placeholder="HN-HD-XX" />
        )}
      />
      <AdminField
        id="unit-name"
        label={t.unitName}
        error={error('/name')}
        control={(a) => <input {...a} value={name} onChange={(e) => draft.set({ name: e.target.value })} />}
      />
      <AdminField
        id="unit-name-en"
        label={t.unitNameEn}
        error={error('/nameEn')}
        control={(a) => <input {...a} value={nameEn} onChange={(e) => draft.set({ nameEn: e.target.value })} />}
      />
      <AdminField
        id="unit-level"
        label={t.level}
        error={error('/level')}
        control={(a) => (
          <select {...a} value={level} onChange={(e) => draft.set({ level: e.target.value })}>
            <option value="commune">{t.levels.commune}</option>
            <option value="district">{t.levels.district}</option>
          </select>
        )}
      />
      <DmyDateInput
        id="unit-from"
        label={t.effectiveFrom}
        error={from.problem ?? error('/effectiveFrom')}
        value={effectiveFrom}
        lang={lang}
        onChange={(v) => draft.set({ effectiveFrom: v })}
      />
      <SubmitWithProblems failure={failure} busy={busy} label={t.createUnit} />
    </form>
  );
}

/**
 * Retiring a unit in force: its last day and, if any, the successor in force the day after (a draft until it is
 * retired).
 */
function RetireForm({ unit, t, onRetired }: { unit: UnitItem; t: AdminText; onRetired(): void }) {
  const draft = useAdminDraft(retireFormName(unit.code), { lastDay: '', successor: '' });
  const { lastDay, successor } = draft.values;
  const { busy, failure, post } = useAdminPost();
  const { lang } = useAppServices();
  const to = useDmyField(lang);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const last = to.read(lastDay);
    if (last === undefined) return;
    const body = { effectiveTo: last, ...(successor.trim() ? { successorCode: successor.trim() } : {}) };
    if (!(await post(`/api/admin/units/${encodeURIComponent(unit.code)}/retire`, body))) return;
    draft.submitted();
    onRetired();
  };
  const id = `retire-${unit.code}`;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t.retireUnit(unit.code)} className="app-retire-form">
      <DraftRestoredNote restored={draft.restored} onDiscard={draft.discard} t={t} />
      <DmyDateInput
        id={`${id}-to`}
        label={t.lastDay}
        error={to.problem ?? fieldMessage(failure, '/effectiveTo')}
        value={lastDay}
        lang={lang}
        onChange={(v) => draft.set({ lastDay: v })}
      />
      <AdminField
        id={`${id}-successor`}
        label={t.successorCode}
        error={fieldMessage(failure, '/successorCode')}
        control={(a) => <input {...a} value={successor} onChange={(e) => draft.set({ successor: e.target.value })} />}
      />
      <ApiProblems failure={failure} fields={[]} />
      <button type="submit" className="app-button app-button-danger" disabled={busy}>
        {t.retire}
      </button>
    </form>
  );
}

/** The units under the administrator's unit, past and present; create one under a unit, retire one with a successor. */
export function UnitsSection({ t }: { t: AdminText }) {
  const { api, session } = useAppServices();
  const root = session.user.grants.find((g) => g.role === 'admin')?.unitCode ?? '';
  const [units, setUnits] = useState<UnitItem[]>();
  const [failure, setFailure] = useState<ApiFailure>();
  const [notice, setNotice] = useState<string>();
  const [retiring, setRetiring] = useState<string>();
  const firstLoad = useRef(true);
  const load = useCallback(async () => {
    const answer = await api.get<UnitList>(`/api/units?under=${encodeURIComponent(root)}&all=true`);
    if (!answer.ok) return setFailure(answer);
    setUnits(answer.value.items);
    if (!firstLoad.current) return;
    firstLoad.current = false;
    // After a reload, a retirement left half-typed opens again with its draft.
    const drafted = answer.value.items.find(
      (u) =>
        !u.effectiveTo &&
        u.code !== root &&
        adminDraftStore(session.user.id, retireFormName(u.code)).load() !== undefined,
    );
    if (drafted) setRetiring(drafted.code);
  }, [api, root, session.user.id]);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <>
      <CreateUnitForm
        defaultParent={root}
        t={t}
        onCreated={(code) => {
          setNotice(t.unitCreated(code));
          void load();
        }}
      />
      {notice ? (
        <p className="app-notice" role="status">
          {notice}
        </p>
      ) : null}
      <ApiProblems failure={failure} />
      {!units && !failure ? <BusyIndicator label={t.loadingText} /> : null}
      {units ? (
        <AdminTable
          caption={t.unitsTitle}
          columns={[t.unitCodeField, t.unitName, t.level, t.parentCode, t.effectiveFrom, t.effectiveTo, t.actions]}
          empty={units.length === 0 ? t.noDays : undefined}
        >
          {units.map((u) => (
            <tr key={u.code} data-unit-code={u.code}>
              <td data-label={t.unitCodeField}>
                <code>{u.code}</code>
              </td>
              <td data-label={t.unitName}>{u.name}</td>
              <td data-label={t.level}>{t.levels[u.level] ?? u.level}</td>
              <td data-label={t.parentCode}>{u.parent ?? ''}</td>
              <td data-label={t.effectiveFrom}>{formatDmyDate(u.effectiveFrom)}</td>
              <td data-label={t.effectiveTo}>
                <UnitValidityCell unit={u} inForceLabel={t.inForce} />
              </td>
              <td data-label={t.actions}>
                <div className="app-cell">
                  {u.effectiveTo || u.code === root ? null : (
                    <button
                      type="button"
                      className="app-button app-button-secondary"
                      aria-expanded={retiring === u.code}
                      aria-label={t.retireUnit(u.code)}
                      onClick={() => setRetiring(retiring === u.code ? undefined : u.code)}
                    >
                      {t.retire}
                    </button>
                  )}
                  {retiring === u.code && !u.effectiveTo ? (
                    <RetireForm
                      unit={u}
                      t={t}
                      onRetired={() => {
                        setRetiring(undefined);
                        setNotice(t.unitRetired(u.code));
                        void load();
                      }}
                    />
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </AdminTable>
      ) : null}
    </>
  );
}
