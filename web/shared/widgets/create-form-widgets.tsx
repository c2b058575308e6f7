import type { RegistryWidgetsType, WidgetProps } from '@rjsf/utils';
import { lazy, Suspense } from 'react';
import { CustomTextWidget } from './custom-text-widget';
import { DateDmyWidget } from './date-dmy-widget';
import type { CustomWidgetName } from './select-custom-widget';
import { UnitPickerWidget } from './unit-picker-widget';
import { VndAmountWidget } from './vnd-amount-widget';

// Attachments are on few forms (none an embed starts): their widget is a chunk of its own, loaded when first shown.
const LazyFileRefWidget = lazy(() => import('./file-ref-widget').then((m) => ({ default: m.FileRefWidget })));

function FileRefWidget(props: WidgetProps) {
  return (
    <Suspense fallback={<div className="hoso-w-file" id={props.id} aria-busy="true" />}>
      <LazyFileRefWidget {...props} />
    </Suspense>
  );
}

/**
 * The `widgets` of every react-jsonschema-form in the project (the embed, the officer app): the custom widgets by
 * name (`ui:widget: "file-ref"`, or `vnd-amount`, `date-dmy`, `unit-picker` for a uiSchema that names them), and
 * RJSF's `TextWidget` and `DateWidget` replaced so the published forms' markers pick them with no form change
 * (`ui:options.unit: "VND"`, `format: "date"`, `format: "unit-code"`). The widgets read the language, the unit
 * list and the uploader from `formContext` (see WidgetFormContext).
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
