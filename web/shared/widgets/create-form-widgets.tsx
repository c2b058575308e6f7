import type { RegistryWidgetsType } from '@rjsf/utils';
import { CustomTextWidget } from './custom-text-widget';
import { DateDmyWidget } from './date-dmy-widget';
import { FileRefWidget } from './file-ref-widget';
import type { CustomWidgetName } from './select-custom-widget';
import { UnitPickerWidget } from './unit-picker-widget';
import { VndAmountWidget } from './vnd-amount-widget';

/**
 * The `widgets` of every react-jsonschema-form in the project (the embed, the officer app): the custom widgets by
 * name (`ui:widget: "file-ref"`, or `vnd-amount`, `date-dmy`, `unit-picker` for a uiSchema that names them), and
 * RJSF's `TextWidget` and `DateWidget` replaced so the published forms' markers pick them with no form change
 * (`ui:options.unit: "VND"`, `format: "date"`, `format: "unit-code"`). The widgets read the language, the unit
 * list and the uploader from `formContext` (see WidgetFormContext).
 *
 * All are bundled eagerly: together they are about 5 KiB gzip. Loading the file widget lazily saved 1.4 KiB but
 * made the bundler split its runtime into a third chunk that every embed page then had to discover and fetch
 * before the first render (one more round trip), a worse trade than the bytes.
 */
export function createFormWidgets(): RegistryWidgetsType & Record<CustomWidgetName, RegistryWidgetsType[string]> {
  return {
    'vnd-amount': VndAmountWidget,
    'date-dmy': DateDmyWidget,
    'unit-picker': UnitPickerWidget,
    'file-ref': FileRefWidget,
    TextWidget: CustomTextWidget,
    DateWidget: DateDmyWidget,
  };
}
