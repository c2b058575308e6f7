import { getTemplate, type WidgetProps } from '@rjsf/utils';
import { DateDmyWidget } from './date-dmy-widget';
import { selectCustomWidget } from './select-custom-widget';
import { UnitPickerWidget } from './unit-picker-widget';
import { VndAmountWidget } from './vnd-amount-widget';

/**
 * Stands in for RJSF's `TextWidget` (the default of strings, integers and numbers): a field whose schema or
 * uiSchema carries one of the published forms' markers gets its custom widget (see selectCustomWidget); anything
 * else renders as RJSF's own text input would.
 */
export function CustomTextWidget(props: WidgetProps) {
  switch (selectCustomWidget(props.schema, props.options)) {
    case 'vnd-amount':
      return <VndAmountWidget {...props} />;
    case 'date-dmy':
      return <DateDmyWidget {...props} />;
    case 'unit-picker':
      return <UnitPickerWidget {...props} />;
    default: {
      const BaseInputTemplate = getTemplate('BaseInputTemplate', props.registry, props.options);
      return <BaseInputTemplate {...props} />;
    }
  }
}
