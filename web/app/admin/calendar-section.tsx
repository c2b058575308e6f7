import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { formatDmyDate } from '../../shared/widgets/format-dmy-date';
import { useAppServices } from '../app-services';
import { BusyIndicator } from '../components/busy-indicator';
import { formatDateTime } from '../format/format-date-time';
import { AdminField } from './admin-field';
import { CalendarFormEnd } from './calendar-form-end';
import { AdminTable } from './admin-table';
import type { AdminText } from './admin-text';
import { ApiProblems, fieldMessage, type ApiFailure } from './api-problems';
import { DraftRestoredNote } from './draft-restored-note';
import { LoadScheduleForm } from './load-schedule-form';
import { DmyDateInput, useDmyField } from './dmy-date-input';
import { useAdminDraft } from './use-admin-draft';
import { useAdminPost } from './use-admin-post';
import type { CalendarEdit, CalendarEditList, CalendarYearAnswer as CalendarAnswer } from '../../../api-contract';
import type { DatedEntry } from '../../../domain/calendar/calendar-year';

/** A day's document as an officer reads it: "9441/TB-BNV ngày 16/10/2025 (Bộ Nội vụ)", or that none was found. */
const sourceText = (d: DatedEntry, t: AdminText): string | null => {
  if (d.source) return t.sourceOf(d.source.document, formatDmyDate(d.source.date) ?? d.source.date, d.source.issuer);
  return d.source === null ? t.noSource : null;
};

function DayList({ caption, days, t }: { caption: string; days: DatedEntry[]; t: AdminText }) {
  return (
    <AdminTable
      caption={caption}
      columns={[t.date, t.title, t.daySource]}
      empty={days.length === 0 ? t.noDays : undefined}
    >
      {days.map((d) => (
        <tr key={d.date} data-date={d.date}>
          <td data-label={t.date}>{formatDmyDate(d.date)}</td>
          <td data-label={t.title}>{d.name}</td>
          <td data-label={t.daySource}>
            {sourceText(d, t) ?? '—'}
            {d.note ? <span className="app-muted"> — {d.note}</span> : null}
          </td>
        </tr>
      ))}
    </AdminTable>
  );
}

/**
 * Marking a day of the calendar at `base` (a province's year): day off, working day, back to default. What is
 * typed is kept as a draft per calendar (`calendar`: scope and year) until the day is marked (the form is keyed by
 * `base`).
 * The edit carries `expectedUpdatedAt`, the version of the year shown: if someone else edited it meanwhile the API
 * answers 409 `calendar_changed`, the year is reloaded and the draft kept, so the administrator checks and saves again.
 */
function MarkDayForm({
  base,
  calendar,
  expectedUpdatedAt,
  t,
  onMarked,
}: {
  base: string;
  calendar: string;
  expectedUpdatedAt: string | null;
  t: AdminText;
  onMarked(): Promise<void>;
}) {
  const draft = useAdminDraft(`calendar-day:${calendar}`, { date: '', kind: 'day_off', name: '' });
  const { date, kind, name } = draft.values;
  const [notice, setNotice] = useState<string>();
  const { busy, failure: markFailure, post } = useAdminPost();
  // Edited by someone else since it was shown: show the year as it is now (the draft stays) before a new attempt.
  useEffect(() => {
    if (markFailure?.code === 'calendar_changed') void onMarked();
  }, [markFailure, onMarked]);
  const { lang } = useAppServices();
  const day = useDmyField(lang);
  const mark = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    const iso = day.read(date);
    if (iso === undefined) return;
    const answer = await post<CalendarAnswer>(`${base}/days`, {
      date: iso,
      kind,
      ...(name.trim() ? { name: name.trim() } : {}),
      expectedUpdatedAt,
    });
    if (!answer) return;
    draft.submitted({ name: '' });
    setNotice(t.dayMarked(formatDmyDate(iso) ?? iso));
    await onMarked();
  };
  return (
    <form className="app-card" onSubmit={(e) => void mark(e)} noValidate aria-labelledby="admin-calendar-mark">
      <h2 id="admin-calendar-mark">{t.markDay}</h2>
      <DraftRestoredNote restored={draft.restored} onDiscard={draft.discard} t={t} />
      <DmyDateInput
        id="calendar-date"
        label={t.date}
        error={day.problem ?? fieldMessage(markFailure, '/date')}
        value={date}
        lang={lang}
        onChange={(v) => draft.set({ date: v })}
      />
      <AdminField
        id="calendar-kind"
        label={t.dayKind}
        error={fieldMessage(markFailure, '/kind')}
        control={(a) => (
          <select {...a} value={kind} onChange={(e) => draft.set({ kind: e.target.value })}>
            {Object.entries(t.dayKinds).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      />
      <AdminField
        id="calendar-name"
        label={t.dayName}
        error={fieldMessage(markFailure, '/name')}
        control={(a) => <input {...a} value={name} onChange={(e) => draft.set({ name: e.target.value })} />}
      />
      <CalendarFormEnd failure={markFailure} busy={busy} label={t.save} notice={notice} t={t} />
    </form>
  );
}

/**
 * The working calendar of a province for a year (the national one until the province edits it): its days off and
 * make-up working days with the document behind each, marking a day (day off, working day, back to default), loading
 * the year's schedule as published (LoadScheduleForm), and the edit log.
 */
export function CalendarSection({ t }: { t: AdminText }) {
  const { api, session } = useAppServices();
  const [scope, setScope] = useState(session.user.grants.find((g) => g.role === 'admin')?.unitCode ?? 'VN');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [shown, setShown] = useState<{ scope: string; year: string }>({ scope, year });
  const [calendar, setCalendar] = useState<CalendarAnswer>();
  const [edits, setEdits] = useState<CalendarEdit[]>([]);
  const [failure, setFailure] = useState<ApiFailure>();
  const base = `/api/calendars/${encodeURIComponent(shown.scope)}/${encodeURIComponent(shown.year)}`;
  const load = useCallback(async () => {
    setFailure(undefined);
    const answer = await api.get<CalendarAnswer>(base);
    if (!answer.ok) return setFailure(answer);
    setCalendar(answer.value);
    const log = await api.get<CalendarEditList>(`${base}/edits`);
    setEdits(log.ok ? log.value.items : []);
  }, [api, base]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <form
        className="app-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setShown({ scope: scope.trim(), year: year.trim() });
        }}
      >
        <AdminField
          id="calendar-scope"
          label={t.calendarScope}
          error={undefined}
          control={(a) => <input {...a} value={scope} onChange={(e) => setScope(e.target.value)} />}
        />
        <AdminField
          id="calendar-year"
          label={t.year}
          error={fieldMessage(failure, '/year')}
          control={(a) => <input {...a} inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} />}
        />
        <div className="app-actions">
          <button type="submit" className="app-button app-button-secondary">
            {t.show}
          </button>
        </div>
      </form>
      <ApiProblems failure={failure} />
      {!calendar && !failure ? <BusyIndicator label={t.loadingText} /> : null}
      {calendar ? (
        <>
          <p className="app-muted" data-calendar={`${calendar.scope}:${calendar.year}`}>
            {calendar.overridden ? t.overridden : t.national} — {calendar.source}
          </p>
          <MarkDayForm
            key={base}
            base={base}
            calendar={`${shown.scope}:${shown.year}`}
            expectedUpdatedAt={calendar.updatedAt}
            t={t}
            onMarked={load}
          />
          <div className="app-admin-tables">
            <DayList caption={t.daysOff} days={calendar.daysOff} t={t} />
            <DayList caption={t.workingDays} days={calendar.workingDays} t={t} />
          </div>
          <LoadScheduleForm key={`load:${base}`} base={base} calendar={calendar} t={t} onLoaded={load} />
          {edits.length > 0 ? (
            <AdminTable caption={t.edits} columns={[t.date, t.dayKind, t.title, t.by, t.editedAt]} empty={undefined}>
              {edits.map((e) => (
                <tr key={e.id}>
                  <td data-label={t.date}>{formatDmyDate(e.date)}</td>
                  <td
                    data-label={t.dayKind}
                  >{`${t.dayKinds[e.before] ?? e.before} → ${t.dayKinds[e.change] ?? e.change}`}</td>
                  <td data-label={t.title}>{e.name}</td>
                  <td data-label={t.by}>{e.byName}</td>
                  <td data-label={t.editedAt}>{formatDateTime(e.at)}</td>
                </tr>
              ))}
            </AdminTable>
          ) : null}
        </>
      ) : null}
    </>
  );
}
