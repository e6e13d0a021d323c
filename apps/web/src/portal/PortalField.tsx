import { useId } from 'react';

interface PortalFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  /** The API's message about this field, shown beside it and read with it. */
  error?: string;
  type?: 'text' | 'email';
  multiline?: boolean;
  autoComplete?: string;
  hint?: string;
}

/** A labelled input or text area of a portal form, with its hint and its error tied to it for screen readers. */
export function PortalField({ label, value, onChange, error, type = 'text', multiline = false, autoComplete, hint }: PortalFieldProps) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const shared = {
    id,
    value,
    required: true,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  };
  return (
    <div className="portal-field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="muted portal-hint">
          {hint}
        </span>
      )}
      {multiline ? (
        <textarea {...shared} rows={6} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...shared} type={type} autoComplete={autoComplete} onChange={(event) => onChange(event.target.value)} />
      )}
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
