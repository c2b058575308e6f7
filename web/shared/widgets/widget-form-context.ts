// Browser-safe and DOM-free.
import type { UnitOption } from './unit-option';
import type { WidgetLang } from './widget-lang';

/** What a finished upload gives back (the body of `POST /api/files` → 201). */
export interface UploadedFile {
  fileId: string;
  contentType: string;
  size: number;
  fileName: string | null;
}

export type UploadResult =
  | { ok: true; file: UploadedFile }
  /** `status` 0 for a network failure or an abort; `message` is the server's own, in the language asked for. */
  | { ok: false; status: number; code: string; message: string };

/** Uploads and shows attachments for the `file-ref` widget; each app brings its own (with its own credentials). */
export interface FileSource {
  upload(file: File, onProgress: (loaded: number, total: number) => void, signal?: AbortSignal): Promise<UploadResult>;
  /** The bytes of a stored file (for a thumbnail or a link), or undefined when they cannot be had. */
  load?(fileId: string): Promise<Blob | undefined>;
}

/** Lists administrative units for the `unit-picker` widget. */
export interface UnitSource {
  /** Units in force today (`all: false`), or every unit whatever its dates (to name a unit no longer in force). */
  list(options: { all: boolean }): Promise<UnitOption[]>;
}

/**
 * What the widgets read from react-jsonschema-form's `formContext`. Every member is optional: without `units` the
 * unit picker is a plain code input, without `files` the file widget says uploads are not available here.
 */
export interface WidgetFormContext {
  lang?: WidgetLang;
  units?: UnitSource;
  files?: FileSource;
}

/** The widgets' view of an RJSF registry's formContext (anything else in it is ignored). */
export function widgetContextOf(formContext: unknown): WidgetFormContext {
  return formContext && typeof formContext === 'object' ? (formContext as WidgetFormContext) : {};
}

export function langOf(formContext: unknown): WidgetLang {
  return widgetContextOf(formContext).lang === 'en' ? 'en' : 'vi';
}
