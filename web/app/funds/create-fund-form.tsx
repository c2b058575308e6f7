import { useState, type FormEvent } from 'react';
import type { Fund } from '../../../api-contract';
import { FUND_KINDS } from '../../../domain/funds/fund-kinds';
import { AdminField } from '../admin/admin-field';
import { adminText } from '../admin/admin-text';
import { fieldMessage, SubmitWithProblems } from '../admin/api-problems';
import { DmyDateInput, readDmyDates } from '../admin/dmy-date-input';
import { DraftRestoredNote } from '../admin/draft-restored-note';
import { useAdminDraft } from '../admin/use-admin-draft';
import { useAdminPost } from '../admin/use-admin-post';
import { useAppServices } from '../app-services';
import { AdminUnitSelect } from '../units/admin-unit-select';
import type { FundText } from './fund-text';

/**
 * Creating a fund of a unit the administrator holds (a draft until the server accepts it): the unit chosen by name,
 * the campaign window typed as dd/mm/yyyy (a date that is none is explained under its field, nothing sent).
 */
export function CreateFundForm({ root, t, onCreated }: { root: string; t: FundText; onCreated(fund: Fund): void }) {
  const { lang } = useAppServices();
  const draft = useAdminDraft('fund-create', { unitCode: root, kind: 'fund_for_the_poor', name: '', from: '', to: '' });
  const { unitCode, kind, name, from, to } = draft.values;
  const { busy, failure, post } = useAdminPost();
  const [dateProblems, setDateProblems] = useState<{ from?: string; to?: string }>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const read = readDmyDates({ from, to }, lang);
    setDateProblems('problems' in read ? read.problems : {});
    if (!('days' in read)) return;
    const { days } = read;
    const body = {
      unitCode,
      kind,
      name: name.trim(),
      ...(days.from ? { campaignFrom: days.from } : {}),
      ...(days.to ? { campaignTo: days.to } : {}),
    };
    const fund = await post<Fund>('/api/admin/funds', body);
    if (!fund) return;
    // The form empties for the next fund (the unit and kind stay, as the next one is often alike).
    draft.submitted({ name: '', from: '', to: '' });
    onCreated(fund);
  };
  const error = (path: string) => fieldMessage(failure, path);
  return (
    <form className="app-card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="fund-create-title">
      <h2 id="fund-create-title">{t.createTitle}</h2>
      <DraftRestoredNote restored={draft.restored} onDiscard={draft.discard} t={adminText(lang)} />
      <AdminUnitSelect
        id="fund-unit"
        label={t.unitCode}
        error={error('/unitCode')}
        root={root}
        value={unitCode}
        onChange={(v) => draft.set({ unitCode: v })}
      />
      <AdminField
        id="fund-kind"
        label={t.kind}
        error={error('/kind')}
        control={(a) => (
          <select {...a} value={kind} onChange={(e) => draft.set({ kind: e.target.value })}>
            {FUND_KINDS.map((k) => (
              <option key={k} value={k}>
                {t.kinds[k]}
              </option>
            ))}
          </select>
        )}
      />
      <AdminField
        id="fund-name"
        label={t.name}
        error={error('/name')}
        control={(a) => <input {...a} value={name} onChange={(e) => draft.set({ name: e.target.value })} />}
      />
      <DmyDateInput
        id="fund-from"
        label={t.campaignFrom}
        error={dateProblems.from ?? error('/campaignFrom')}
        value={from}
        lang={lang}
        onChange={(v) => draft.set({ from: v })}
      />
      <DmyDateInput
        id="fund-to"
        label={t.campaignTo}
        error={dateProblems.to ?? error('/campaignTo')}
        value={to}
        lang={lang}
        onChange={(v) => draft.set({ to: v })}
      />
      <SubmitWithProblems failure={failure} busy={busy} label={t.create} />
    </form>
  );
}
