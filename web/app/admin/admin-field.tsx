import type { ReactElement } from 'react';

/**
 * A labelled control of an admin form with its error underneath, announced with the control (aria-invalid and
 * aria-describedby); `control` gets the id and aria attributes to spread.
 */
export function AdminField({
  id,
  label,
  error,
  control,
}: {
  id: string;
  label: string;
  error: string | undefined;
  control(attrs: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }): ReactElement;
}) {
  const errorId = `${id}-error`;
  return (
    <div className="app-field">
      <label htmlFor={id}>{label}</label>
      {control(error ? { id, 'aria-invalid': true, 'aria-describedby': errorId } : { id })}
      {error ? (
        <p id={errorId} className="app-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
