// A page for test/browser/widgets.test.ts: one react-jsonschema-form with the shared widgets, as the officer app will
// render it (a bearer-token file source and unit list over the real API on this page's origin), editable or read-only.
// The test sets `window.__harnessInput` before the page loads and reads the data back from `window.__harness`.
import Form from '@rjsf/core/lib/components/Form.js';
import type { RJSFSchema, UiSchema, ValidatorType } from '@rjsf/utils';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import '../../../web/embed/styles/embed.css';
import { createApiUnitSource } from '../../../web/shared/widgets/create-api-unit-source';
import { createFormWidgets } from '../../../web/shared/widgets/create-form-widgets';
import { createXhrFileSource } from '../../../web/shared/widgets/create-xhr-file-source';
import type { WidgetFormContext } from '../../../web/shared/widgets/widget-form-context';

interface HarnessInput {
  schema: RJSFSchema;
  uiSchema: UiSchema;
  formData: unknown;
  readonly: boolean;
  lang: 'vi' | 'en';
  /** A bearer token of a signed-in user; none: the form context has no file source (as in the embed). */
  bearer?: string;
}

const input = (globalThis as unknown as { __harnessInput: HarnessInput }).__harnessInput;
const state = ((globalThis as unknown as { __harness: { data: unknown } }).__harness = { data: input.formData });

/** Accepts everything: these tests are about the widgets, not validation. */
const validator: ValidatorType = {
  validateFormData: () => ({ errors: [], errorSchema: {} }),
  toErrorList: () => [],
  isValid: () => true,
  rawValidation: () => ({}),
  reset: () => undefined,
} as unknown as ValidatorType;

const authorization = input.bearer ? () => `Bearer ${input.bearer}` : undefined;
const formContext: WidgetFormContext = {
  lang: input.lang,
  units: createApiUnitSource({ baseUrl: '', authorization }),
  ...(authorization ? { files: createXhrFileSource({ baseUrl: '', authorization, lang: input.lang }) } : {}),
};
const widgets = createFormWidgets();

function Harness() {
  const [data, setData] = useState(input.formData);
  return (
    <Form
      schema={input.schema}
      uiSchema={input.uiSchema}
      validator={validator}
      formData={data}
      readonly={input.readonly}
      widgets={widgets}
      formContext={formContext}
      idPrefix="w"
      onChange={(event) => {
        state.data = event.formData;
        setData(event.formData);
      }}
    >
      <span />
    </Form>
  );
}

createRoot(document.getElementById('root')!).render(<Harness />);
