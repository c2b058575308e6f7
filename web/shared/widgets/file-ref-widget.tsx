import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import { useEffect, useRef, useState } from 'react';
import { precheckUpload, uploadErrorMessage } from './upload-error-message';
import { langOf, widgetContextOf } from './widget-form-context';
import { widgetText } from './widget-text';

/** What the widget shows of the stored file: an object URL of its bytes and their type, when they could be had. */
interface Preview {
  fileId: string;
  url: string;
  type: string;
  name: string | null;
}

type Upload = { state: 'idle' } | { state: 'uploading'; percent: number } | { state: 'failed'; message: string };

const DEFAULT_ACCEPT = 'image/*,application/pdf';

/**
 * An attachment (`ui:widget: "file-ref"`): choose a file or take a photo, upload it with the form context's
 * {@link FileSource} (progress shown), and store the file id the server returns. Images show a thumbnail, PDFs a
 * link. Errors (too large, wrong type, content not matching its type, signed out, network) are said in the form's
 * language. Without a file source (the embed) the widget says attachments are not taken here. Read-only or disabled,
 * it shows the thumbnail or link only.
 */
export function FileRefWidget(props: WidgetProps) {
  const { id, value, onChange, disabled, readonly, registry, options } = props;
  const lang = langOf(registry.formContext);
  const t = widgetText(lang);
  const files = widgetContextOf(registry.formContext).files;
  const fileId = typeof value === 'string' && value !== '' ? value : undefined;
  const accept = typeof options.accept === 'string' ? options.accept : DEFAULT_ACCEPT;
  const takesImages = accept.split(',').some((a) => a.trim().startsWith('image/'));
  const [upload, setUpload] = useState<Upload>({ state: 'idle' });
  const [preview, setPreview] = useState<Preview | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);
  const cameraInput = useRef<HTMLInputElement>(null);
  const abort = useRef<AbortController | undefined>(undefined);

  // A stored id with no preview yet (an earlier step, a draft): fetch its bytes for the thumbnail or the link.
  useEffect(() => {
    if (!fileId || !files?.load || preview?.fileId === fileId) return;
    let cancelled = false;
    void files.load(fileId).then(
      (blob) => {
        if (!cancelled && blob) setPreview({ fileId, url: URL.createObjectURL(blob), type: blob.type, name: null });
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [fileId, files, preview]);
  useEffect(() => () => abort.current?.abort(), []);
  useEffect(() => () => (preview ? URL.revokeObjectURL(preview.url) : undefined), [preview]);

  const send = async (file: File | undefined) => {
    if (!file || !files) return;
    const early = precheckUpload(file);
    if (early) {
      setUpload({ state: 'failed', message: uploadErrorMessage(early, '', lang) });
      return;
    }
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setUpload({ state: 'uploading', percent: 0 });
    const result = await files.upload(
      file,
      (loaded, total) => setUpload({ state: 'uploading', percent: total > 0 ? Math.floor((loaded / total) * 100) : 0 }),
      controller.signal,
    );
    if (controller.signal.aborted) return;
    if (!result.ok) {
      setUpload({ state: 'failed', message: uploadErrorMessage(result.status, result.message, lang) });
      return;
    }
    setUpload({ state: 'idle' });
    setPreview({
      fileId: result.file.fileId,
      url: URL.createObjectURL(file),
      type: result.file.contentType,
      name: file.name,
    });
    onChange(result.file.fileId);
  };

  const locked = disabled || readonly;
  // Only the preview of the file the data holds (it may have been replaced from outside: a draft, a reset).
  const shownPreview = fileId !== undefined && preview?.fileId === fileId ? preview : undefined;
  return (
    <div className="hoso-w-file" id={id} aria-describedby={ariaDescribedByIds(id)}>
      {fileId ? (
        <div className="hoso-w-file-stored">
          {shownPreview?.type.startsWith('image/') ? (
            <a href={shownPreview.url} target="_blank" rel="noopener">
              <img className="hoso-w-thumb" src={shownPreview.url} alt={shownPreview.name ?? fileId} />
            </a>
          ) : shownPreview ? (
            <a href={shownPreview.url} target="_blank" rel="noopener" className="hoso-w-file-link">
              {t.openPdf}
              {shownPreview.name ? ` (${shownPreview.name})` : ''}
            </a>
          ) : (
            <span className="hoso-w-hint">{t.fileNotShown}</span>
          )}
          <code className="hoso-w-file-id">{fileId}</code>
        </div>
      ) : null}
      {locked ? null : !files ? (
        <div className="hoso-w-notice" role="note">
          {t.uploadsUnavailable}
        </div>
      ) : (
        <div className="hoso-w-file-actions">
          <button
            type="button"
            className="hoso-button hoso-button-secondary"
            disabled={upload.state === 'uploading'}
            onClick={() => fileInput.current?.click()}
          >
            {fileId ? t.replaceFile : t.chooseFile}
          </button>
          {takesImages ? (
            <button
              type="button"
              className="hoso-button hoso-button-secondary"
              disabled={upload.state === 'uploading'}
              onClick={() => cameraInput.current?.click()}
            >
              {t.takePhoto}
            </button>
          ) : null}
          {fileId ? (
            <button
              type="button"
              className="hoso-link"
              onClick={() => {
                setPreview(undefined);
                onChange(undefined);
              }}
            >
              {t.removeFile}
            </button>
          ) : null}
          <input
            ref={fileInput}
            id={`${id}__file`}
            type="file"
            accept={accept}
            hidden
            onChange={(e) => void send(e.target.files?.[0]).finally(() => (e.target.value = ''))}
          />
          <input
            ref={cameraInput}
            type="file"
            accept="image/*"
            capture="environment"
            hidden
            onChange={(e) => void send(e.target.files?.[0]).finally(() => (e.target.value = ''))}
          />
        </div>
      )}
      {upload.state === 'uploading' ? (
        <div className="hoso-w-progress" role="status">
          <progress max={100} value={upload.percent} aria-label={t.uploading(upload.percent)} />{' '}
          {t.uploading(upload.percent)}
        </div>
      ) : upload.state === 'failed' ? (
        <div className="hoso-w-notice hoso-w-problem" role="alert">
          {upload.message}
        </div>
      ) : null}
    </div>
  );
}
