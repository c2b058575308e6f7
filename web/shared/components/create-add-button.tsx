import type { ComponentType } from 'react';
import { TranslatableString, type IconButtonProps } from '@rjsf/utils';

/**
 * react-jsonschema-form's "add an item" button with its label written out ("Thêm mục" / "Add Item"): the default
 * one is a bare Bootstrap 3 icon, which means nothing without Bootstrap's icon font and little to most people.
 * `className` styles it like the page's other secondary buttons (the embed's and the officer app's differ).
 */
export function createAddButton(className: string): ComponentType<IconButtonProps> {
  return function AddButton({ id, className: rjsfClassName, onClick, disabled, registry }: IconButtonProps) {
    return (
      <button
        id={id}
        type="button"
        className={`${className} ${rjsfClassName ?? ''}`}
        onClick={onClick}
        disabled={disabled}
      >
        <span aria-hidden="true">+</span> {registry.translateString(TranslatableString.AddItemButton)}
      </button>
    );
  };
}
