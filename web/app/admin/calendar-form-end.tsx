import type { AdminText } from './admin-text';
import { ApiProblems, type ApiFailure } from './api-problems';

/**
 * The end of a calendar form: what the API refused (a 409 `calendar_changed` explained in words; field problems are
 * shown under their fields), the submit button (disabled while busy), and the notice of what was saved.
 */
export function CalendarFormEnd({
  failure,
  busy,
  label,
  notice,
  t,
}: {
  failure: ApiFailure | undefined;
  busy: boolean;
  label: string;
  notice: string | undefined;
  t: AdminText;
}) {
  return (
    <>
      <ApiProblems
        failure={failure}
        heading={failure?.code === 'calendar_changed' ? t.calendarChanged : undefined}
        fields={[]}
      />
      <div className="app-actions">
        <button type="submit" className="app-button" disabled={busy}>
          {label}
        </button>
      </div>
      {notice ? (
        <p className="app-notice" role="status">
          {notice}
        </p>
      ) : null}
    </>
  );
}
