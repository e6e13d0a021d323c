import { cloneElement, useId, type ReactElement } from 'react';

interface ControlProps {
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

/**
 * A labelled control with the API's message for it (BAD_USER_INPUT's `extensions.fields`) right below it. The label
 * points at the control (rather than wrapping it, which would put a select's chosen option into its name), and the
 * message is tied to the control by aria-describedby so a screen reader reads it with the field.
 */
export function FormField({ label, error, children }: { label: string; error?: string; children: ReactElement<ControlProps> }) {
  const controlId = useId();
  const errorId = useId();
  return (
    <div className="admin-field">
      <label htmlFor={controlId}>{label}</label>
      {cloneElement(children, { id: controlId, ...(error ? { 'aria-describedby': errorId, 'aria-invalid': true } : {}) })}
      {error && (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
