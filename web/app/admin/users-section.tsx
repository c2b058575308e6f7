import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useAppServices } from '../app-services';
import { BusyIndicator } from '../components/busy-indicator';
import { UnitName } from '../units/unit-name';
import { grantLabel } from './admin-grants';
import { GrantStandingNote } from './grant-standing-note';
import { UserNamesCell } from './user-names-cell';
import { AdminField } from './admin-field';
import { AdminTable } from './admin-table';
import type { AdminText } from './admin-text';
import { ApiProblems, fieldMessage, SubmitWithProblems, type ApiFailure } from './api-problems';
import { DraftRestoredNote } from './draft-restored-note';
import { useAdminDraft } from './use-admin-draft';
import { useAdminPost } from './use-admin-post';
import type { AdminUser, AdminUserList, RoleGrant as Grant } from '../../../api-contract';

/**
 * The roles an administrator may grant, by name (one glossary: the app text's role names; `portal` is the embedded
 * form's actor and `system` the workflow's timers, never granted). A role a draft or an older grant holds that has
 * no name stays selectable by its code.
 */
function roleOptions(names: Record<string, string>, current: string): [string, string][] {
  const named = Object.entries(names).filter(([role]) => role !== 'portal' && role !== 'system');
  return current && !named.some(([role]) => role === current) ? [...named, [current, current]] : named;
}

/** A role, picked by name, and a unit code, typed together (for a new user's first grant and for adding a grant). */
function GrantInputs({
  idPrefix,
  grant,
  onChange,
  failure,
  at,
  t,
}: {
  idPrefix: string;
  grant: Grant;
  onChange(grant: Grant): void;
  failure: ApiFailure | undefined;
  at: string;
  t: AdminText;
}) {
  const { text } = useAppServices();
  return (
    <div className="app-filters">
      <AdminField
        id={`${idPrefix}-role`}
        label={t.role}
        error={fieldMessage(failure, `${at}/role`)}
        control={(a) => (
          <select {...a} value={grant.role} onChange={(e) => onChange({ ...grant, role: e.target.value })}>
            <option value="">{t.chooseRole}</option>
            {roleOptions(text.roles, grant.role).map(([role, name]) => (
              <option key={role} value={role}>
                {name}
              </option>
            ))}
          </select>
        )}
      />
      <AdminField
        id={`${idPrefix}-unit`}
        label={t.unit}
        error={fieldMessage(failure, `${at}/unitCode`)}
        control={(a) => (
          <input
            {...a}
            value={grant.unitCode}
            onChange={(e) => onChange({ ...grant, unitCode: e.target.value.trim() })}
          />
        )}
      />
    </div>
  );
}

/** Creating a user with a first grant; what is typed is kept as a draft until the user exists, except the password. */
function CreateUserForm({
  defaultUnit,
  t,
  onCreated,
}: {
  defaultUnit: string;
  t: AdminText;
  onCreated(user: AdminUser): void;
}) {
  const draft = useAdminDraft('user-create', {
    username: '',
    displayName: '',
    displayNameEn: '',
    role: 'commune_officer',
    unitCode: defaultUnit,
  });
  const { username, displayName, displayNameEn, role, unitCode } = draft.values;
  const grant: Grant = { role, unitCode };
  // Never in the draft: a password does not belong in localStorage.
  const [password, setPassword] = useState('');
  const { busy, failure, post } = useAdminPost();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const user = await post<AdminUser>('/api/admin/users', {
      username: username.trim(),
      displayName: displayName.trim(),
      ...(displayNameEn.trim() ? { displayNameEn: displayNameEn.trim() } : {}),
      password,
      grants: grant.role || grant.unitCode ? [grant] : [],
    });
    if (!user) return;
    draft.submitted({ username: '', displayName: '', displayNameEn: '' });
    setPassword('');
    onCreated(user);
  };
  const error = (path: string) => fieldMessage(failure, path);
  return (
    <form className="app-card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="admin-user-create">
      <h2 id="admin-user-create">{t.createUser}</h2>
      <DraftRestoredNote restored={draft.restored} onDiscard={() => (draft.discard(), setPassword(''))} t={t} />
      <AdminField
        id="user-username"
        label={t.username}
        error={error('/username')}
        control={(a) => (
          <input {...a} autoComplete="off" value={username} onChange={(e) => draft.set({ username: e.target.value })} />
        )}
      />
      <AdminField
        id="user-display-name"
        label={t.displayName}
        error={error('/displayName')}
        control={(a) => (
          <input
            {...a}
            autoComplete="off"
            value={displayName}
            onChange={(e) => draft.set({ displayName: e.target.value })}
          />
        )}
      />
      <AdminField
        id="user-display-name-en"
        label={t.displayNameEn}
        error={error('/displayNameEn')}
        control={(a) => (
          <input
            {...a}
            autoComplete="off"
            lang="en"
            value={displayNameEn}
            onChange={(e) => draft.set({ displayNameEn: e.target.value })}
          />
        )}
      />
      <AdminField
        id="user-password"
        label={t.initialPassword}
        error={error('/password')}
        control={(a) => (
          <input
            {...a}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      />
      <fieldset className="app-fieldset">
        <legend>{t.grants}</legend>
        <GrantInputs idPrefix="user-grant" grant={grant} onChange={draft.set} failure={failure} at="/grants/0" t={t} />
      </fieldset>
      <SubmitWithProblems failure={failure} busy={busy} label={t.createUser} />
    </form>
  );
}

/**
 * One user: grants (revoke each, add one), activation, lifting a sign-in lock, signing out everywhere. Errors of an
 * action appear in the user's row.
 */
function UserRow({ user, t, onChanged }: { user: AdminUser; t: AdminText; onChanged(user: AdminUser): void }) {
  // The grant being added is kept as a draft per user shown, until it is granted.
  const draft = useAdminDraft(`user-grant:${user.id}`, { role: '', unitCode: '' });
  const grant: Grant = draft.values;
  const { failure, post } = useAdminPost();
  const [done, setDone] = useState<string>();
  const call = async (path: string, body: unknown) => {
    const changed = await post<AdminUser>(`/api/admin/users/${encodeURIComponent(user.id)}/${path}`, body);
    if (changed) onChanged(changed);
    return changed;
  };
  const addGrant = async (event: FormEvent) => {
    event.preventDefault();
    if (await call('grants', grant)) {
      draft.submitted({ role: '', unitCode: '' });
      setAdding(false);
    }
  };
  // The grant form opens on demand (a page of users is not a wall of empty fields), or with a restored draft.
  const [adding, setAdding] = useState(draft.restored);
  const { text } = useAppServices();
  const idPrefix = `user-${user.id.replace(/[^a-z0-9-]/gi, '-')}`;
  return (
    <tr data-user-id={user.id}>
      <td data-label={t.username}>
        <strong>{user.id}</strong>
        {user.active ? null : <span className="app-tag"> ({t.inactive})</span>}
        {user.locked ? <span className="app-tag"> ({t.lockedOut})</span> : null}
      </td>
      <td data-label={t.displayName}>
        <UserNamesCell user={user} t={t} onChanged={onChanged} />
      </td>
      <td data-label={t.grants}>
        <div className="app-cell">
          <ul className="app-grant-list">
            {user.grants.map((g) => (
              <li key={grantLabel(g)} data-grant={grantLabel(g)}>
                <span title={g.role}>{text.roles[g.role] ?? g.role}</span> @ <UnitName code={g.unitCode} withCode />{' '}
                <GrantStandingNote grant={g} t={t} />{' '}
                <button
                  type="button"
                  className="app-link-button"
                  aria-label={t.revokeGrant(grantLabel(g))}
                  onClick={() => void call('grants/revoke', g)}
                >
                  {t.revoke}
                </button>
              </li>
            ))}
          </ul>
          {adding ? (
            <form onSubmit={(e) => void addGrant(e)} noValidate aria-label={`${t.addGrant}: ${user.id}`}>
              <DraftRestoredNote restored={draft.restored} onDiscard={draft.discard} t={t} />
              <GrantInputs idPrefix={idPrefix} grant={grant} onChange={draft.set} failure={failure} at="" t={t} />
              <button type="submit" className="app-button app-button-secondary">
                {t.saveGrant}
              </button>
              <button type="button" className="app-link-button" onClick={() => setAdding(false)}>
                {t.cancel}
              </button>
            </form>
          ) : (
            <button type="button" className="app-button app-button-secondary" onClick={() => setAdding(true)}>
              {t.addGrant}
            </button>
          )}
          <ApiProblems failure={failure} />
        </div>
      </td>
      <td data-label={t.actions}>
        <button
          type="button"
          className={user.active ? 'app-button app-button-danger' : 'app-button app-button-secondary'}
          onClick={() => void call(user.active ? 'deactivate' : 'activate', {})}
        >
          {user.active ? t.deactivate : t.activate}
        </button>
        {user.locked ? (
          <button type="button" className="app-button app-button-secondary" onClick={() => void call('unlock', {})}>
            {t.unlock}
          </button>
        ) : null}
        <button
          type="button"
          className="app-button app-button-secondary"
          onClick={() =>
            void call('sessions/revoke', {}).then((changed) => changed && setDone(t.sessionsRevoked(user.id)))
          }
        >
          {t.revokeSessions}
        </button>
        {done ? (
          <p className="app-notice" role="status">
            {done}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

/** Users holding grants in the units the administrator manages: search, create, grants, (de)activation. */
export function UsersSection({ t }: { t: AdminText }) {
  const { api, session } = useAppServices();
  const [q, setQ] = useState('');
  const [users, setUsers] = useState<AdminUser[]>();
  const [failure, setFailure] = useState<ApiFailure>();
  const [notice, setNotice] = useState<string>();
  const search = useCallback(
    async (query: string) => {
      const answer = await api.get<AdminUserList>(`/api/admin/users?q=${encodeURIComponent(query)}`);
      if (!answer.ok) return setFailure(answer);
      setFailure(undefined);
      setUsers(answer.value.items);
    },
    [api],
  );
  useEffect(() => {
    void search('');
  }, [search]);
  const replace = (user: AdminUser) => setUsers((list) => list?.map((u) => (u.id === user.id ? user : u)));
  const defaultUnit = session.user.grants.find((g) => g.role === 'admin')?.unitCode ?? '';

  return (
    <>
      <CreateUserForm
        defaultUnit={defaultUnit}
        t={t}
        onCreated={(user) => {
          setNotice(t.userCreated(user.id));
          setQ(user.id);
          void search(user.id);
        }}
      />
      {notice ? (
        <p className="app-notice" role="status">
          {notice}
        </p>
      ) : null}
      <form
        className="app-filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void search(q.trim());
        }}
      >
        <div className="app-field">
          <label htmlFor="user-search">{t.search}</label>
          <input id="user-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <div className="app-actions">
          <button type="submit" className="app-button app-button-secondary">
            {t.searchButton}
          </button>
        </div>
      </form>
      <ApiProblems failure={failure} />
      {!users && !failure ? <BusyIndicator label={t.loadingText} /> : null}
      {users ? (
        <AdminTable
          caption={t.usersTitle}
          columns={[t.username, t.displayName, t.grants, t.actions]}
          empty={users.length === 0 ? t.noUsers : undefined}
        >
          {users.map((user) => (
            <UserRow key={user.id} user={user} t={t} onChanged={replace} />
          ))}
        </AdminTable>
      ) : null}
    </>
  );
}
