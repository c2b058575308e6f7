import { TranslatableString, type IconButtonProps } from '@rjsf/utils';

/**
 * react-jsonschema-form's "add an item" button with its label written out ("Thêm mục" / "Add Item"): the default
 * one is a bare Bootstrap 3 icon, which means nothing without Bootstrap's icon font and little to most people.
 */
export function AddButton({ id, className, onClick, disabled, registry }: IconButtonProps) {
  return (
    <button id={id} type="button" className={`hoso-button hoso-button-secondary hoso-add ${className ?? ''}`} onClick={onClick} disabled={disabled}>
      <span aria-hidden="true">+</span> {registry.translateString(TranslatableString.AddItemButton)}
    </button>
  );
}
