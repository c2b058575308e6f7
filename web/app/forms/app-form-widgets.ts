import { createFormWidgets } from '../../shared/widgets/create-form-widgets';

/**
 * The custom widgets every form in the officer app is rendered with (web/shared/widgets/: VND amount with words,
 * dd/mm/yyyy date, unit picker, attachment upload), by name (`ui:widget`) and by overriding react-jsonschema-form's
 * own `TextWidget`/`DateWidget`. StepForm passes this object to every `<Form widgets>`, with the unit list and the
 * uploader in its `formContext`.
 */
export const appFormWidgets = createFormWidgets();
