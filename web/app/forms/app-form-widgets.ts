import type { WidgetProps } from '@rjsf/utils';
import { createElement } from 'react';
import { createFormWidgets } from '../../shared/widgets/create-form-widgets';
import { CustomTextWidget } from '../../shared/widgets/custom-text-widget';
import { FundPickerWidget } from '../funds/fund-picker-widget';

/** RJSF's `TextWidget` in the app: a `format: "fund-id"` string is a fund picker, anything else as in the embed. */
function AppTextWidget(props: WidgetProps) {
  const schema = props.schema as { format?: unknown };
  return createElement(schema.format === 'fund-id' ? FundPickerWidget : CustomTextWidget, props);
}

/**
 * The custom widgets every form in the officer app is rendered with (web/shared/widgets/: VND amount with words,
 * dd/mm/yyyy date, unit picker, attachment upload), by name (`ui:widget`) and by overriding react-jsonschema-form's
 * own `TextWidget`/`DateWidget`; and the officer app's own `fund-id` picker (web/app/funds/: it needs the session's
 * API, so the embed has none). StepForm passes this object to every `<Form widgets>`, with the unit list, the
 * uploader and the dossier unit's funds in its `formContext`.
 */
export const appFormWidgets = { ...createFormWidgets(), 'fund-id': FundPickerWidget, TextWidget: AppTextWidget };
