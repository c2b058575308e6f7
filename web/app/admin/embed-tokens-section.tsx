import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { EmbedToken, EmbedTokenList, ProcessList, ProcessSummary } from '../../../api-contract';
import { useAppServices } from '../app-services';
import { BusyIndicator } from '../components/busy-indicator';
import { formatDateTime } from '../format/format-date-time';
import { formatDate } from '../../shared/format/format-date';
import { UnitName } from '../units/unit-name';
import { RetiredUnitWarning } from './retired-unit-warning';
import { expiryOfDay, splitOrigins } from './admin-grants';
import { AdminField } from './admin-field';
import { AdminTable } from './admin-table';
import type { AdminText } from './admin-text';
import { ApiProblems, fieldMessage, SubmitWithProblems, type ApiFailure } from './api-problems';
import { CopyableSnippet } from './copyable-snippet';
import { DraftRestoredNote } from './draft-restored-note';
import { DmyDateInput, useDmyField } from './dmy-date-input';
import { useAdminDraft } from './use-admin-draft';
import { useAdminPost } from './use-admin-post';

/** The token's four snippets: the form and the citizens' status lookup, each as an iframe and as a script. */
function Snippets({ token, idPrefix, t }: { token: EmbedToken; idPrefix: string; t: AdminText }) {
  const snippets: [string, string, string, string][] = [
    ['iframe', t.snippetIframe, token.snippets.iframe, 'iframe'],
    ['script', t.snippetScript, token.snippets.script, 'script'],
    ['status-iframe', t.snippetStatusIframe, token.snippets.statusIframe, 'iframe'],
    ['status-script', t.snippetStatusScript, token.snippets.statusScript, 'script'],
  ];
  return (
    <div className="app-snippets" data-snippets={token.id}>
      {snippets.map(([kind, label, value, form]) => (
        <CopyableSnippet
          key={kind}
          id={`${idPrefix}-${kind}-${token.id}`}
          label={label}
          value={value}
          copyLabel={`${t.copy} (${kind.startsWith('status') ? `${t.snippetStatusShort}, ` : ''}${form})`}
          copiedText={t.copied}
          failedText={t.copyFailed}
        />
      ))}
    </div>
  );
}

/**
 * The form creating a token; the server's 422 problems appear under their fields, a 403 or 404 above the button.
 * What is typed is kept as a draft until the token is created.
 */
function CreateTokenForm({
  processes,
  defaultUnit,
  t,
  onCreated,
}: {
  processes: ProcessSummary[];
  defaultUnit: string;
  t: AdminText;
  onCreated(token: EmbedToken): void;
}) {
  const { lang } = useAppServices();
  const draft = useAdminDraft('embed-token', {
    label: '',
    processKey: processes[0]?.key ?? '',
    unitCode: defaultUnit,
    origins: '',
    expiresOn: '',
    rate: '30',
  });
  const { label, unitCode, origins, expiresOn, rate } = draft.values;
  // A draft may name a process no longer offered: the select then shows, and sends, the first one.
  const processKey = processes.some((p) => p.key === draft.values.processKey)
    ? draft.values.processKey
    : (processes[0]?.key ?? '');
  const { busy, failure, post } = useAdminPost();
  const expiry = useDmyField(lang);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const expiresDay = expiry.read(expiresOn);
    if (expiresDay === undefined) return;
    const body = {
      label: label.trim(),
      processKey,
      unitCode: unitCode.trim(),
      origins: splitOrigins(origins),
      expiresAt: expiresDay ? expiryOfDay(expiresDay) : '',
      rateLimitPerMinute: Number(rate),
    };
    const token = await post<EmbedToken>('/api/admin/embed-tokens', body);
    if (!token) return;
    draft.submitted({ label: '', origins: '' });
    onCreated(token);
  };
  const error = (path: string) => fieldMessage(failure, path);
  const unplaced =
    failure &&
    failure.fields.length > 0 &&
    failure.fields.every((f) =>
      /^\/(label|processKey|unitCode|origins|expiresAt|rateLimitPerMinute)(\/|$)/.test(f.path),
    )
      ? []
      : failure?.fields;
  return (
    <form className="app-card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="admin-embed-create">
      <h2 id="admin-embed-create">{t.create}</h2>
      <DraftRestoredNote restored={draft.restored} onDiscard={draft.discard} t={t} />
      <AdminField
        id="embed-label"
        label={t.label}
        error={error('/label')}
        control={(a) => <input {...a} value={label} onChange={(e) => draft.set({ label: e.target.value })} />}
      />
      <AdminField
        id="embed-process"
        label={t.process}
        error={error('/processKey')}
        control={(a) => (
          <select {...a} value={processKey} onChange={(e) => draft.set({ processKey: e.target.value })}>
            {processes.map((p) => (
              <option key={p.key} value={p.key}>
                {p.title[lang]} ({p.key})
              </option>
            ))}
          </select>
        )}
      />
      <AdminField
        id="embed-unit"
        label={t.unitCode}
        error={error('/unitCode')}
        control={(a) => (
          <input
            {...a}
            value={unitCode}
            onChange={(e) => draft.set({ unitCode: e.target.value })}
            autoCapitalize="characters"
          />
        )}
      />
      <AdminField
        id="embed-origins"
        label={t.origins}
        error={error('/origins')}
        control={(a) => (
          <textarea
            {...a}
            rows={3}
            value={origins}
            onChange={(e) => draft.set({ origins: e.target.value })}
            placeholder="https://cong-thong-tin.example.vn"
          />
        )}
      />
      <DmyDateInput
        id="embed-expires"
        label={t.expiresAt}
        error={expiry.problem ?? error('/expiresAt')}
        value={expiresOn}
        lang={lang}
        onChange={(v) => draft.set({ expiresOn: v })}
      />
      <AdminField
        id="embed-rate"
        label={t.rateLimit}
        error={error('/rateLimitPerMinute')}
        control={(a) => (
          <input
            {...a}
            type="number"
            min={1}
            inputMode="numeric"
            value={rate}
            onChange={(e) => draft.set({ rate: e.target.value })}
          />
        )}
      />
      <SubmitWithProblems failure={failure} fields={unplaced} busy={busy} label={busy ? t.creating : t.create} />
    </form>
  );
}

/** Embed tokens of the units the administrator manages: list, create (with its snippets to copy), revoke. */
export function EmbedTokensSection({ t }: { t: AdminText }) {
  const { api, session } = useAppServices();
  const [tokens, setTokens] = useState<EmbedToken[]>();
  const [processes, setProcesses] = useState<ProcessSummary[]>();
  const [failure, setFailure] = useState<ApiFailure>();
  const [created, setCreated] = useState<EmbedToken>();
  const [shown, setShown] = useState<string>();
  const load = useCallback(async () => {
    const [list, procs] = await Promise.all([
      api.get<EmbedTokenList>('/api/admin/embed-tokens'),
      api.get<ProcessList>('/api/processes'),
    ]);
    if (!list.ok) return setFailure(list);
    if (!procs.ok) return setFailure(procs);
    setTokens(list.value.items);
    setProcesses(procs.value.items);
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);
  const revoke = async (id: string) => {
    setFailure(undefined);
    const answer = await api.post<EmbedToken>(`/api/admin/embed-tokens/${encodeURIComponent(id)}/revoke`, {});
    if (!answer.ok) {
      setFailure(answer);
      // Revoked by someone else meanwhile (409 embed_token_revoked, with who and when in the list): show it as it is.
      if (answer.code === 'embed_token_revoked') await load();
      return;
    }
    setTokens((list) => list?.map((x) => (x.id === id ? answer.value : x)));
  };
  const defaultUnit = session.user.grants.find((g) => g.role === 'admin')?.unitCode ?? '';

  return (
    <>
      <ApiProblems failure={failure} />
      {!tokens && !failure ? <BusyIndicator label={t.loadingText} /> : null}
      {processes ? (
        <CreateTokenForm
          processes={processes}
          defaultUnit={defaultUnit}
          t={t}
          onCreated={(token) => {
            setCreated(token);
            setTokens((list) => [token, ...(list ?? [])]);
          }}
        />
      ) : null}
      {created ? (
        <section className="app-card" aria-labelledby="admin-embed-created" data-created-token={created.id}>
          <h2 id="admin-embed-created">{created.label}</h2>
          <p className="app-notice" role="status">
            {t.created}
          </p>
          <Snippets token={created} idPrefix="new-snippet" t={t} />
        </section>
      ) : null}
      {tokens ? (
        <AdminTable
          caption={t.embedTitle}
          columns={[t.label, t.process, t.unitCode, t.origins, t.expiresAt, t.state, t.actions]}
          empty={tokens.length === 0 ? t.noTokens : undefined}
        >
          {tokens.map((token) => (
            <tr key={token.id} data-token-id={token.id}>
              <td data-label={t.label}>{token.label}</td>
              <td data-label={t.process}>
                {token.processVersion ? `${token.processKey}@${token.processVersion}` : token.processKey}
              </td>
              <td data-label={t.unitCode}>
                <UnitName code={token.unitCode} withCode />
                {token.revokedAt ? null : <RetiredUnitWarning code={token.unitCode} kind="token" />}
              </td>
              <td data-label={t.origins}>{token.origins.join(', ')}</td>
              <td data-label={t.expiresAt}>{formatDate(token.expiresAt)}</td>
              <td data-label={t.state}>
                {token.revokedAt ? `${t.revoked} ${formatDateTime(token.revokedAt)}` : t.active}
              </td>
              <td data-label={t.actions}>
                <div className="app-cell">
                  <div className="app-row-actions">
                    <button
                      type="button"
                      className="app-button app-button-secondary"
                      aria-expanded={shown === token.id}
                      onClick={() => setShown(shown === token.id ? undefined : token.id)}
                    >
                      {t.showSnippet}
                    </button>
                    {token.revokedAt ? null : (
                      <button
                        type="button"
                        className="app-button app-button-danger"
                        onClick={() => void revoke(token.id)}
                      >
                        {t.revoke}
                      </button>
                    )}
                  </div>
                  {shown === token.id ? <Snippets token={token} idPrefix="snippet" t={t} /> : null}
                </div>
              </td>
            </tr>
          ))}
        </AdminTable>
      ) : null}
    </>
  );
}
