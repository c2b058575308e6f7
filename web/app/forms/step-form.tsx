import type { IChangeEvent } from '@rjsf/core';
import Form from '@rjsf/core/lib/components/Form.js';
import type { ErrorSchema } from '@rjsf/utils';
import { useMemo, type ReactNode } from 'react';
import { createAddButton } from '../../shared/components/create-add-button';
import { NaturalTitleField } from '../../shared/components/natural-title-field';
import type { Lang } from '../../shared/i18n/lang';
import { localizeForm } from '../../shared/i18n/localize-form';
import { stringTranslator } from '../../shared/i18n/vi-string-translator';
import { createRjsfValidator } from '../../shared/validation/create-rjsf-validator';
import { toRjsfErrors, type ShownFieldError } from '../../shared/validation/to-rjsf-errors';
import type { LoadedForm } from './create-form-loader';
import { createApiUnitSource } from '../../shared/widgets/create-api-unit-source';
import { createXhrFileSource } from '../../shared/widgets/create-xhr-file-source';
import { createApiFundSource, type AppWidgetContext } from '../funds/fund-source';
import { useAppServices } from '../app-services';
import { appFormWidgets } from './app-form-widgets';

export interface StepFormProps {
  loaded: LoadedForm;
  lang: Lang;
  data: unknown;
  /** Ids of the fields start with this (two forms on one page must not share ids). */
  idPrefix: string;
  readonly?: boolean;
  disabled?: boolean;
  /** The server's 422 field errors (paths into the form data), shown next to their fields. */
  serverErrors?: readonly ShownFieldError[];
  onChange?(data: unknown): void;
  /** Called with the data once the browser's check (the form version's precompiled validator) passes. */
  onSubmit?(data: unknown): void;
  /** Called when the browser's check fails, with the number of fields in error. */
  onInvalid?(count: number): void;
  /** The submit buttons; none for a read-only form. */
  children?: ReactNode;
  /** The dossier's unit: a `fund-id` field lists the funds usable by it (GET /api/funds?unit=). */
  fundUnit?: string;
}

const warn = (message: string) => console.warn(message);
const noButtons = <></>;
const templates = {
  ButtonTemplates: { AddButton: createAddButton('app-button app-button-secondary app-add') },
  TitleFieldTemplate: NaturalTitleField,
};

/**
 * One published form version rendered with react-jsonschema-form the same way everywhere in the app: the
 * definition localised to `lang`, RJSF's own strings translated, the app's widgets (appFormWidgets), the version's
 * precompiled validator (no eval; the server's exact checks and vi/en messages), and server errors in place.
 * Read-only forms (earlier steps) show the data as submitted and validate nothing.
 */
export function StepForm({
  loaded,
  lang,
  data,
  idPrefix,
  readonly,
  disabled,
  serverErrors,
  fundUnit,
  onChange,
  onSubmit,
  onInvalid,
  children,
}: StepFormProps) {
  const localized = useMemo(() => localizeForm(loaded.form, lang), [loaded, lang]);
  const validator = useMemo(
    () =>
      createRjsfValidator(
        loaded.precompiled && !readonly ? loaded.precompiled : { form: loaded.form, validate: () => ({ valid: true }) },
        lang,
        warn,
      ),
    [loaded, lang, readonly],
  );
  const translateString = useMemo(() => stringTranslator(lang), [lang]);
  // The widgets' sources, with the session's bearer token: units from GET /api/units, uploads to POST /api/files.
  // The funds of the dossier's unit from GET /api/funds, through the app's API client.
  const { session, api } = useAppServices();
  const formContext = useMemo<AppWidgetContext>(() => {
    const authorization = () => `Bearer ${session.token}`;
    return {
      lang,
      units: createApiUnitSource({ baseUrl: '', authorization }),
      files: createXhrFileSource({ baseUrl: '', authorization, lang }),
      ...(fundUnit ? { funds: createApiFundSource(api, fundUnit) } : {}),
    };
  }, [lang, session, api, fundUnit]);
  const extraErrors = useMemo<ErrorSchema | undefined>(
    () => (serverErrors && serverErrors.length > 0 ? toRjsfErrors(serverErrors).errorSchema : undefined),
    [serverErrors],
  );
  return (
    <Form
      schema={localized.schema}
      uiSchema={localized.uiSchema}
      validator={validator}
      widgets={appFormWidgets}
      formContext={formContext}
      templates={templates}
      formData={data}
      translateString={translateString}
      idPrefix={idPrefix}
      className={readonly ? 'app-form app-form-readonly' : 'app-form'}
      readonly={readonly}
      disabled={disabled}
      noValidate={readonly}
      noHtml5Validate
      showErrorList={false}
      focusOnFirstError
      extraErrors={extraErrors}
      // A `const: true` declaration is for the person to tick, not to find ticked.
      experimental_defaultFormStateBehavior={{ constAsDefaults: 'never' }}
      onChange={(event: IChangeEvent) => onChange?.(event.formData)}
      onSubmit={(event: IChangeEvent) => onSubmit?.(event.formData)}
      onError={(errors) => onInvalid?.(validator.lastFieldErrors().length || errors.length)}
    >
      {readonly ? noButtons : children}
    </Form>
  );
}
