import type { TitleFieldProps } from '@rjsf/utils';
import { naturalItemTitle } from '../format/natural-item-title';

/**
 * react-jsonschema-form's title (a fieldset's legend, as its default TitleField renders it), with an array item's
 * number written naturally (naturalItemTitle).
 */
export function NaturalTitleField({ id, title, required, optionalDataControl }: TitleFieldProps) {
  return (
    <legend id={id}>
      {naturalItemTitle(title)}
      {required ? <span className="required">*</span> : null}
      {optionalDataControl ? <span className="pull-right">{optionalDataControl}</span> : null}
    </legend>
  );
}
