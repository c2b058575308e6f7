import type { ApiSchemaName } from '../../api-contract';
import type { ApiParameters } from './api-parameter';

/** One HTTP operation as documented; the routers must register exactly these (a test checks both ways). */
export interface ApiRoute {
  method: 'get' | 'post' | 'patch' | 'put';
  /** Express path syntax (`:id`); the OpenAPI document converts it to `{id}`. */
  path: string;
  summary: string;
  auth: boolean;
  /** The JSON body's schema; `object` for a body checked by its own rules (a definition to publish). */
  request?: ApiSchemaName | 'object';
  /**
   * The success answer's schema; `object` for one the contract does not spell out; `binary` for file bytes; `empty`
   * for no body (204).
   */
  response: ApiSchemaName | 'object' | 'binary' | 'empty';
  /** The body is the raw bytes of a file (JPEG, PNG, WebP or PDF), not JSON (`POST /api/files`). */
  upload?: boolean;
  /** `binary` only: the media types the bytes come as. */
  media?: string[];
  status?: number;
  /** Other success answers than `status`, by status (e.g. 202 while a decision is still being applied). */
  alsoAnswers?: Partial<Record<number, ApiSchemaName>>;
  /** Takes an Idempotency-Key; `required`: refused (422) without one. */
  idempotent?: boolean | 'required';
  /**
   * Query parameters, by name, with their ranges: createParameterValidator checks them before any handler runs (422
   * per field at `/query/<name>`) and the OpenAPI document publishes them. A parameter not declared has no effect.
   */
  query?: ApiParameters;
  /** Every `:name` of `path`, with its range (422 at `/path/<name>`); a test checks that none is missing. */
  params?: ApiParameters;
  errors: number[];
}
