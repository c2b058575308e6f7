import { useState, type FormEvent } from 'react';
import type { Lang } from '../../shared/i18n/lang';
import { formatDmyDate } from '../../shared/widgets/format-dmy-date';
import { useAppServices } from '../app-services';
import { AdminField } from './admin-field';
import { CalendarFormEnd } from './calendar-form-end';
import type { AdminText } from './admin-text';
import { fieldMessage, type ApiFailure } from './api-problems';
import { DmyDateInput, readDmyDate, useDmyField } from './dmy-date-input';
import type { CalendarYearAnswer as CalendarAnswer } from '../../../api-contract';

type Day = { date: string; name: string };

/**
 * The lines of a day list as typed, one day a line: `dd/mm/yyyy name` ("02/01/2026 Nghỉ hoán đổi"); the ISO days, or
 * the problem of each line that is not one (numbered from 1, as the administrator sees them).
 */
function readDayLines(text: string, t: AdminText, lang: Lang): { days: Day[] } | { problem: string } {
  const days: Day[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const [first = '', ...rest] = line.split(/\s+/);
    const day = readDmyDate(first, lang);
    const name = rest.join(' ').trim();
    if ('problem' in day) problems.push(t.lineProblem(i + 1, day.problem));
    else if (!name) problems.push(t.lineProblem(i + 1, t.dayNameMissing));
    else days.push({ date: day.iso, name });
  });
  return problems.length > 0 ? { problem: problems.join('; ') } : { days };
}

/** The server's problems with a list (`/daysOff/2/date`) as the lines the administrator typed ("Dòng 3: …"). */
function listProblems(failure: ApiFailure | undefined, list: string, t: AdminText): string | undefined {
  const messages = (failure?.fields ?? [])
    .filter((f) => f.path.startsWith(`/${list}/`))
    .map((f) => t.lineProblem(Number(f.path.split('/')[2]) + 1, f.message));
  return messages.length > 0 ? messages.join('; ') : (fieldMessage(failure, `/${list}`) ?? undefined);
}

const linesOf = (days: Day[]) => days.map((d) => `${formatDmyDate(d.date) ?? d.date} ${d.name}`).join('\n');

/**
 * Loading a year's schedule as the government published it (PUT on the calendar at `base`): the notice — its number,
 * date and issuer — and the weekdays off and make-up weekend days, one a line, filled in from the year as shown. The
 * API checks it (dates in the year, none twice, days off on weekdays, make-up days on weekends) and the problems are
 * shown under the lists by line. `expectedUpdatedAt` guards against a load over changes the form did not show.
 */
export function LoadScheduleForm({
  base,
  calendar,
  t,
  onLoaded,
}: {
  base: string;
  calendar: CalendarAnswer;
  t: AdminText;
  onLoaded(): Promise<void>;
}) {
  const { api, lang } = useAppServices();
  const [document, setDocument] = useState(calendar.publication?.document ?? '');
  const [issuer, setIssuer] = useState(calendar.publication?.issuer ?? 'Bộ Nội vụ');
  const [dateText, setDateText] = useState(formatDmyDate(calendar.publication?.date ?? '') ?? '');
  const [daysOff, setDaysOff] = useState(linesOf(calendar.daysOff));
  const [workingDays, setWorkingDays] = useState(linesOf(calendar.workingDays));
  const [lineProblems, setLineProblems] = useState<{ daysOff?: string; workingDays?: string }>({});
  const [failure, setFailure] = useState<ApiFailure>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string>();
  const date = useDmyField(lang);

  const load = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    setFailure(undefined);
    const published = date.read(dateText);
    const off = readDayLines(daysOff, t, lang);
    const working = readDayLines(workingDays, t, lang);
    setLineProblems({
      ...('problem' in off ? { daysOff: off.problem } : {}),
      ...('problem' in working ? { workingDays: working.problem } : {}),
    });
    if (published === undefined || 'problem' in off || 'problem' in working) return;
    setBusy(true);
    const answer = await api.put<CalendarAnswer>(base, {
      publication: { document: document.trim(), date: published, issuer: issuer.trim() },
      daysOff: off.days,
      workingDays: working.days,
      expectedUpdatedAt: calendar.updatedAt,
    });
    setBusy(false);
    if (!answer.ok) {
      setFailure(answer);
      if (answer.code === 'calendar_changed') await onLoaded();
      return;
    }
    setNotice(t.scheduleLoaded(answer.value.year, answer.value.source));
    await onLoaded();
  };

  return (
    <form className="app-card" onSubmit={(e) => void load(e)} noValidate aria-labelledby="admin-calendar-load">
      <h2 id="admin-calendar-load">{t.loadSchedule}</h2>
      <p className="app-muted">{t.loadScheduleIntro}</p>
      <AdminField
        id="schedule-document"
        label={t.scheduleDocument}
        error={fieldMessage(failure, '/publication/document')}
        control={(a) => <input {...a} value={document} onChange={(e) => setDocument(e.target.value)} />}
      />
      <DmyDateInput
        id="schedule-date"
        label={t.scheduleDate}
        error={date.problem ?? fieldMessage(failure, '/publication/date')}
        value={dateText}
        lang={lang}
        onChange={setDateText}
      />
      <AdminField
        id="schedule-issuer"
        label={t.scheduleIssuer}
        error={fieldMessage(failure, '/publication/issuer')}
        control={(a) => <input {...a} value={issuer} onChange={(e) => setIssuer(e.target.value)} />}
      />
      <AdminField
        id="schedule-days-off"
        label={t.scheduleDaysOff}
        error={lineProblems.daysOff ?? listProblems(failure, 'daysOff', t)}
        control={(a) => <textarea {...a} rows={6} value={daysOff} onChange={(e) => setDaysOff(e.target.value)} />}
      />
      <AdminField
        id="schedule-working-days"
        label={t.scheduleWorkingDays}
        error={lineProblems.workingDays ?? listProblems(failure, 'workingDays', t)}
        control={(a) => (
          <textarea {...a} rows={3} value={workingDays} onChange={(e) => setWorkingDays(e.target.value)} />
        )}
      />
      <CalendarFormEnd failure={failure} busy={busy} label={t.loadScheduleButton} notice={notice} t={t} />
    </form>
  );
}
