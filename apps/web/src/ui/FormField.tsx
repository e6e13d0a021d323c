import { cloneElement, useId, type ReactElement } from 'react';

interface ControlProps {
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

interface FormFieldProps {
  label: string;
  /** The API's message about this field (BAD_USER_INPUT's `extensions.fields`), shown below it and read with it. */
  error?: string;
  /** A short help text shown between the label and the control, read with it. */
  hint?: string;
  /** Classes of the wrapper beyond `form-field` (an area's own sizing). */
  className?: string;
  children: ReactElement<ControlProps>;
}

/**
 * A labelled control with its hint and its error. The label points at the control (rather than wrapping it, which
 * would put a select's chosen option into its name), and hint and error are tied to it by aria-describedby so a
 * screen reader reads them with the field.
 */
export function FormField({ label, error, hint, className, children }: FormFieldProps) {
  const controlId = useId();
  const hintId = useId();
  const errorId = useId();
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ');
  return (
    <div className={className ? `form-field ${className}` : 'form-field'}>
      <label htmlFor={controlId}>{label}</label>
      {hint && (
        <span id={hintId} className="muted field-hint">
          {hint}
        </span>
      )}
      {cloneElement(children, { id: controlId, ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(error ? { 'aria-invalid': true } : {}) })}
      {error && (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
