import { useCallback, useEffect, useMemo, useState, type ChangeEvent } from 'react';
import type { Lang } from '../../shared/i18n/lang';
import { structuralDiff, type StructuralChange } from '../../../forms/structural-diff';
import type { FormDefinition } from '../../../forms/form-definition';
import { useAppServices } from '../app-services';
import { BusyIndicator } from '../components/busy-indicator';
import { formatDateTime } from '../format/format-date-time';
import { StepForm } from '../forms/step-form';
import type { AdminText } from './admin-text';
import { AdminTable } from './admin-table';
import { ApiProblems, type ApiFailure } from './api-problems';
import { DiffTable } from './diff-table';
import { DraftRestoredNote } from './draft-restored-note';
import { PreviewBoundary } from './preview-boundary';
import { previousVersion, readDefinitionJson, type DefinitionKind } from './read-definition-json';
import { useAdminDraft } from './use-admin-draft';
import type { DefinitionDiff, PublishResult, PublishedVersion, PublishedVersionList } from '../../../api-contract';

const listPath = (kind: DefinitionKind) => (kind === 'form' ? '/api/admin/forms' : '/api/admin/processes');
const definitionPath = (kind: DefinitionKind, key: string, version: number) =>
  `${kind === 'form' ? '/api/forms' : '/api/processes'}/${encodeURIComponent(key)}/${version}`;

/** The title of `key`'s `version` in the registry's list (a caption names a version by it), else the key. */
const titleOf = (items: readonly PublishedVersion[], key: string, version: number, lang: Lang): string =>
  items.find((i) => i.key === key && i.version === version)?.title[lang] ?? key;

/** A form definition rendered as it will look, with no validator (nothing is submitted from a preview). */
function FormPreview({ form, idPrefix, t }: { form: FormDefinition; idPrefix: string; t: AdminText }) {
  const { lang } = useAppServices();
  return (
    <section className="app-card app-preview" aria-label={t.preview}>
      <h3>{t.preview}</h3>
      <p className="app-preview-title">{form.title?.[lang]}</p>
      <PreviewBoundary
        key={JSON.stringify(form)}
        failed={(message) => (
          <p className="app-error" role="alert">
            {t.previewFailed(message)}
          </p>
        )}
      >
        <StepForm loaded={{ form, precompiled: undefined }} lang={lang} data={{}} idPrefix={idPrefix} disabled>
          <></>
        </StepForm>
      </PreviewBoundary>
    </section>
  );
}

/** One published version: its diff against the previous version (the server's), its JSON, and a form's preview. */
function VersionView({
  kind,
  item,
  siblings,
  t,
  onClose,
}: {
  kind: DefinitionKind;
  item: PublishedVersion;
  /** The published versions of the item's key. */
  siblings: PublishedVersion[];
  t: AdminText;
  onClose(): void;
}) {
  const { api, lang } = useAppServices();
  const versions = useMemo(() => siblings.map((i) => i.version), [siblings]);
  const previous = previousVersion(versions, item.version);
  const [definition, setDefinition] = useState<unknown>();
  const [diff, setDiff] = useState<DefinitionDiff | null | undefined>();
  const [failure, setFailure] = useState<ApiFailure>();
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const loaded = await api.get<unknown>(definitionPath(kind, item.key, item.version));
      if (cancelled) return;
      if (!loaded.ok) return setFailure(loaded);
      setDefinition(loaded.value);
      if (previousVersion(versions, item.version) === undefined) return setDiff(null);
      const answer = await api.get<DefinitionDiff>(
        `/api/admin/${kind === 'form' ? 'forms' : 'processes'}/${encodeURIComponent(item.key)}/${item.version}/diff`,
      );
      if (cancelled) return;
      if (!answer.ok) return setFailure(answer);
      setDiff(answer.value);
    })();
    return () => {
      cancelled = true;
    };
  }, [api, kind, item, versions]);
  const ref = `${item.key}@${item.version}`;
  return (
    <section className="app-card" aria-labelledby="admin-version-title" data-version={ref}>
      <div className="app-admin-head">
        <h2 id="admin-version-title">{ref}</h2>
        <button type="button" className="app-button app-button-secondary" onClick={onClose}>
          {t.close}
        </button>
      </div>
      <ApiProblems failure={failure} />
      {definition === undefined && !failure ? <BusyIndicator label={t.loadingText} /> : null}
      {diff === null ? <p className="app-muted">{t.noPrevious}</p> : null}
      {diff ? (
        <DiffTable
          caption={t.diffAgainst(titleOf(siblings, item.key, previous ?? 0, lang), previous ?? 0)}
          changes={diff.changes}
          t={t}
        />
      ) : null}
      {definition !== undefined && kind === 'form' ? (
        <FormPreview form={definition as FormDefinition} idPrefix="admin-view" t={t} />
      ) : null}
      {definition !== undefined ? (
        <details>
          <summary>{t.definitionJson}</summary>
          <pre className="app-json">{JSON.stringify(definition, null, 2)}</pre>
        </details>
      ) : null}
    </section>
  );
}

type Review = {
  key: string;
  version: number;
  definition: Record<string, unknown>;
  /** The version reviewed against: the newest published one below it, with its title. */
  against: { title: string; version: number } | undefined;
  changes: StructuralChange[];
};

/**
 * Publishing: the administrator pastes a definition or chooses a file, reviews it (the structural diff against
 * the newest published version below it, computed here with the registry's own function, and a form's preview)
 * and only then publishes. The diff is previewed before publishing because a published version can never be
 * taken back; the server's answer (201, 200 for an identical republish, 409, 422 per problem) is shown in place.
 */
function PublishPanel({
  items,
  t,
  onPublished,
}: {
  items: Record<DefinitionKind, PublishedVersion[]>;
  t: AdminText;
  onPublished(): void;
}) {
  const { api, lang } = useAppServices();
  // The pasted or edited definition is kept as a draft until it is published.
  const draft = useAdminDraft('registry-publish', { kind: 'form', text: '' });
  const kind: DefinitionKind = draft.values.kind === 'process' ? 'process' : 'form';
  const { text } = draft.values;
  const [review, setReview] = useState<Review>();
  const [problem, setProblem] = useState<string>();
  const [failure, setFailure] = useState<ApiFailure>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  const reset = () => {
    setReview(undefined);
    setProblem(undefined);
    setFailure(undefined);
    setDone(undefined);
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    draft.set({ text: await file.text() });
    reset();
  };

  const onReview = async () => {
    reset();
    const read = readDefinitionJson(text, kind);
    if (!read.ok) {
      const kindName = kind === 'form' ? t.formKind : t.processKind;
      return setProblem(
        read.problem === 'bad-json'
          ? t.badJson(read.detail)
          : read.problem === 'wrong-kind'
            ? t.wrongKind(kindName)
            : t.notAnObject,
      );
    }
    const versions = items[kind].filter((i) => i.key === read.key).map((i) => i.version);
    const against = previousVersion(versions, read.version);
    setBusy(true);
    const before = against === undefined ? undefined : await api.get<unknown>(definitionPath(kind, read.key, against));
    setBusy(false);
    if (before && !before.ok) return setFailure(before);
    setReview({
      key: read.key,
      version: read.version,
      definition: read.definition,
      against:
        against === undefined ? undefined : { title: titleOf(items[kind], read.key, against, lang), version: against },
      changes: before ? structuralDiff(before.value, read.definition) : [],
    });
  };

  const onPublish = async () => {
    if (!review) return;
    setBusy(true);
    setFailure(undefined);
    const answer = await api.post<PublishResult>(listPath(kind), review.definition);
    setBusy(false);
    if (!answer.ok) return setFailure(answer);
    draft.submitted();
    setDone(answer.value.created ? t.published(answer.value.ref) : t.republished(answer.value.ref));
    if (answer.value.created) onPublished();
  };

  return (
    <section className="app-card" aria-labelledby="admin-publish-title">
      <h2 id="admin-publish-title">{t.publishTitle}</h2>
      <DraftRestoredNote restored={draft.restored} onDiscard={() => (draft.discard(), reset())} t={t} />
      <div className="app-field">
        <label htmlFor="admin-publish-kind">{t.kind}</label>
        <select id="admin-publish-kind" value={kind} onChange={(e) => (draft.set({ kind: e.target.value }), reset())}>
          <option value="form">{t.formKind}</option>
          <option value="process">{t.processKind}</option>
        </select>
      </div>
      <div className="app-field">
        <label htmlFor="admin-publish-json">{t.pasteJson}</label>
        <textarea
          id="admin-publish-json"
          className="app-json-input"
          rows={10}
          spellCheck={false}
          value={text}
          onChange={(e) => (draft.set({ text: e.target.value }), reset())}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'admin-publish-problem' : undefined}
        />
      </div>
      <div className="app-field">
        <label htmlFor="admin-publish-file">{t.chooseFile}</label>
        <input id="admin-publish-file" type="file" accept="application/json,.json" onChange={(e) => void onFile(e)} />
      </div>
      {problem ? (
        <p id="admin-publish-problem" className="app-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="app-actions">
        <button
          type="button"
          className="app-button app-button-secondary"
          onClick={() => void onReview()}
          disabled={busy || text.trim() === ''}
        >
          {t.review}
        </button>
      </div>
      {review ? (
        <div className="app-review" data-review={`${review.key}@${review.version}`}>
          {review.against ? (
            <DiffTable
              caption={t.diffAgainst(review.against.title, review.against.version)}
              changes={review.changes}
              t={t}
            />
          ) : (
            <p className="app-muted">{t.noPrevious}</p>
          )}
          {kind === 'form' ? (
            <FormPreview form={review.definition as unknown as FormDefinition} idPrefix="admin-preview" t={t} />
          ) : null}
          <div className="app-actions">
            <button
              type="button"
              className="app-button"
              onClick={() => void onPublish()}
              disabled={busy || done !== undefined}
            >
              {t.publish} {`${review.key}@${review.version}`}
            </button>
          </div>
        </div>
      ) : null}
      {busy ? <BusyIndicator label={t.publishing} /> : null}
      <ApiProblems
        failure={failure}
        heading={failure?.status === 409 ? t.conflict : failure?.status === 422 ? t.problems : undefined}
      />
      {done ? (
        <p className="app-notice" role="status">
          {done}
        </p>
      ) : null}
    </section>
  );
}

/** The registry: every published version of the forms and processes, one version opened, and publishing. */
export function RegistrySection({ t }: { t: AdminText }) {
  const { api, lang } = useAppServices();
  const [items, setItems] = useState<Record<DefinitionKind, PublishedVersion[]>>();
  const [failure, setFailure] = useState<ApiFailure>();
  const [open, setOpen] = useState<{ kind: DefinitionKind; item: PublishedVersion }>();
  const load = useCallback(async () => {
    const [forms, processes] = await Promise.all([
      api.get<PublishedVersionList>(listPath('form')),
      api.get<PublishedVersionList>(listPath('process')),
    ]);
    if (!forms.ok) return setFailure(forms);
    if (!processes.ok) return setFailure(processes);
    setItems({ form: forms.value.items, process: processes.value.items });
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  const table = (kind: DefinitionKind) => (
    <AdminTable
      caption={kind === 'form' ? t.forms : t.processes}
      columns={[t.key, t.version, t.title, t.publishedAt, t.publishedBy]}
      empty={items?.[kind].length === 0 ? t.noVersions : undefined}
    >
      {items?.[kind].map((item) => (
        <tr key={`${item.key}@${item.version}`} data-ref={`${item.key}@${item.version}`}>
          <td data-label={t.key}>
            <button
              type="button"
              className="app-link-button"
              onClick={() => setOpen({ kind, item })}
              aria-label={t.open(`${item.key}@${item.version}`)}
            >
              {item.key}
            </button>
          </td>
          <td data-label={t.version}>{item.version}</td>
          <td data-label={t.title}>{item.title?.[lang]}</td>
          <td data-label={t.publishedAt}>{item.publishedAt ? formatDateTime(item.publishedAt) : ''}</td>
          <td data-label={t.publishedBy}>{item.publishedBy}</td>
        </tr>
      ))}
    </AdminTable>
  );

  return (
    <>
      <ApiProblems failure={failure} />
      {!items && !failure ? <BusyIndicator label={t.loadingText} /> : null}
      {open && items ? (
        <VersionView
          key={`${open.kind}:${open.item.key}@${open.item.version}`}
          kind={open.kind}
          item={open.item}
          siblings={items[open.kind].filter((i) => i.key === open.item.key)}
          t={t}
          onClose={() => setOpen(undefined)}
        />
      ) : null}
      {items ? <PublishPanel items={items} t={t} onPublished={() => void load()} /> : null}
      {items ? (
        <div className="app-admin-tables">
          {table('form')}
          {table('process')}
        </div>
      ) : null}
    </>
  );
}
