import { useState, type FormEvent } from 'react';
import type { AdminUser } from '../../../api-contract';
import { AdminField } from './admin-field';
import type { AdminText } from './admin-text';
import { fieldMessage, SubmitWithProblems } from './api-problems';
import { useAdminPost } from './use-admin-post';

/**
 * A user's names on the users page: the Vietnamese one, the English name and title beside it (shown in English mode
 * in its place; optional), and a form to change both (POST …/names; the API checks them and answers field errors,
 * shown at their fields). An emptied English name removes it.
 */
export function UserNamesCell({
  user,
  t,
  onChanged,
}: {
  user: AdminUser;
  t: AdminText;
  onChanged(user: AdminUser): void;
}) {
  const [editing, setEditing] = useState(false);
  const [vi, setVi] = useState(user.displayName);
  const [en, setEn] = useState(user.displayNameEn ?? '');
  const { busy, failure, post } = useAdminPost();
  const idPrefix = `user-names-${user.id.replace(/[^a-z0-9-]/gi, '-')}`;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const changed = await post<AdminUser>(`/api/admin/users/${encodeURIComponent(user.id)}/names`, {
      displayName: vi.trim(),
      displayNameEn: en.trim() || null,
    });
    if (!changed) return;
    onChanged(changed);
    setEditing(false);
  };
  if (!editing) {
    return (
      <div className="app-cell" data-user-names>
        <div data-display-name>{user.displayName}</div>
        {user.displayNameEn ? (
          <div className="app-muted" data-display-name-en>
            {t.displayNameEnShort}: <span lang="en">{user.displayNameEn}</span>
          </div>
        ) : null}
        <button
          type="button"
          className="app-link-button"
          aria-label={t.editNamesOf(user.id)}
          onClick={() => {
            setVi(user.displayName);
            setEn(user.displayNameEn ?? '');
            setEditing(true);
          }}
        >
          {t.editNames}
        </button>
      </div>
    );
  }
  return (
    <form onSubmit={(e) => void save(e)} noValidate aria-label={t.editNamesOf(user.id)} data-user-names-form>
      <AdminField
        id={`${idPrefix}-vi`}
        label={t.displayName}
        error={fieldMessage(failure, '/displayName')}
        control={(a) => <input {...a} autoComplete="off" value={vi} onChange={(e) => setVi(e.target.value)} />}
      />
      <AdminField
        id={`${idPrefix}-en`}
        label={t.displayNameEn}
        error={fieldMessage(failure, '/displayNameEn')}
        control={(a) => (
          <input {...a} autoComplete="off" lang="en" value={en} onChange={(e) => setEn(e.target.value)} />
        )}
      />
      <SubmitWithProblems
        failure={failure}
        fields={failure?.fields.filter((f) => f.path !== '/displayName' && f.path !== '/displayNameEn')}
        busy={busy}
        label={t.saveNames}
      />
      <button type="button" className="app-link-button" onClick={() => setEditing(false)}>
        {t.cancel}
      </button>
    </form>
  );
}
