import TextWidget from '@rjsf/core/lib/components/widgets/TextWidget.js';
import type { RegistryWidgetsType } from '@rjsf/utils';

/**
 * The custom widgets every form in the officer app is rendered with, by name (`ui:widget`) and by overriding
 * react-jsonschema-form's own (`TextWidget`, `DateWidget`). This is the one place to plug them in: StepForm passes
 * this object to every `<Form widgets>`.
 *
 * For now only a stand-in: `file-ref` (the attachment id of a photo or scan, see housing-completion@1) is a plain
 * text input until the upload widget from web/shared/widgets/ replaces it here.
 */
export const appFormWidgets: RegistryWidgetsType = {
  'file-ref': TextWidget,
};
