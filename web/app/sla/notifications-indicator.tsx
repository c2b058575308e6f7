import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useAppServices } from '../app-services';
import { AppLink } from '../components/app-link';
import { formatDateTime } from '../format/format-date-time';
import { slaText } from '../i18n/sla-text';
import { periodLabel } from '../../../domain/calendar/period-instance';
import type { NotificationItem, NotificationList, NotificationRead } from '../../../api-contract';
import { newestOnly } from '../api/newest-only';

const REFRESH_MS = 60_000;

/**
 * The header's notifications button: the caller's unread reminders, escalations and loans fallen overdue
 * (GET /api/notifications, refreshed every minute and when opened), and a disclosure list of the latest ones, each
 * linking to its dossier and with "mark as read" (POST …/read). A failed call leaves the last known count; the
 * button stays usable.
 */
export function NotificationsIndicator() {
  const { api, lang, navigate } = useAppServices();
  const sla = slaText(lang);
  const [items, setItems] = useState<NotificationItem[]>([]);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  // Opening the list, the timer and marking one read each load it: only the newest answer is shown (an older one
  // would put the unread count back up).
  const loads = useMemo(() => newestOnly(), []);
  const load = useCallback(async () => {
    const current = loads.start();
    const result = await api.get<NotificationList>('/api/notifications?limit=20');
    if (!result.ok || !current()) return;
    setItems(result.value.items);
    setUnread(result.value.unread);
  }, [api, loads]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  useEffect(() => {
    if (!open) return;
    // Escape closes the list and gives the focus back to the button, wherever the focus was (a "mark as read"
    // button that was pressed is gone from the page).
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  const markRead = async (id: string) => {
    const result = await api.post<NotificationRead>(`/api/notifications/${encodeURIComponent(id)}/read`, {});
    if (result.ok) await load();
  };

  return (
    <div className="sla-notifications">
      <button
        ref={button}
        type="button"
        className="app-link-button sla-notifications-button"
        aria-expanded={open}
        aria-controls="sla-notifications-panel"
        aria-label={sla.notificationsUnread(unread)}
        data-testid="notifications-button"
        data-unread={unread}
        onClick={() => {
          setOpen(!open);
          if (!open) void load();
        }}
      >
        {sla.notifications}
        {/* A space before the count: its visible text ("Thông báo 2") must read as part of the accessible name
            ("Thông báo: 2 chưa đọc"), WCAG 2.5.3 (axe label-content-name-mismatch). */}
        {unread > 0 ? ' ' : null}
        {unread > 0 ? (
          <span className="sla-notifications-count" aria-hidden="true">
            {unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          id="sla-notifications-panel"
          className="sla-notifications-panel"
          role="region"
          aria-label={sla.notifications}
        >
          {items.length === 0 ? <p>{sla.notificationsEmpty}</p> : null}
          <ul>
            {items.map((n) => (
              <li
                key={n.id}
                className={n.read ? 'sla-notification-read' : 'sla-notification-unread'}
                data-notification-id={n.id}
              >
                <strong>{sla.kinds[n.kind] ?? n.kind}</strong>
                {/* A loan's overdue instalment is about the loan, not a step or the dossier's deadline. */}
                {n.kind === 'loan_overdue' ? null : <> ({sla.scopes[n.scope] ?? n.scope})</>} ·{' '}
                {n.period ? <>{sla.unpaidPeriod(periodLabel(n.period.unit, n.period.month)[lang])} · </> : null}
                <AppLink
                  to={{ name: 'dossier', id: n.dossierId }}
                  navigate={(route) => {
                    setOpen(false);
                    navigate(route);
                  }}
                >
                  {n.dossierId}
                </AppLink>
                <br />
                <span className="app-muted">
                  {formatDateTime(n.at)}
                  {n.dueAt ? ` · ${sla.due} ${formatDateTime(n.dueAt)}` : ''}
                </span>{' '}
                {n.read ? (
                  <span className="app-muted">{sla.read}</span>
                ) : (
                  <button type="button" className="app-link-button" onClick={() => void markRead(n.id)}>
                    {sla.markRead}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
