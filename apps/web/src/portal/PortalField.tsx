import { FormField } from '../ui/FormField';

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
  /** Most portal fields are; the name of a service request is not. */
  required?: boolean;
}

/** An input or text area of a portal form (large enough for a phone), in the shared labelled field. */
export function PortalField({ label, value, onChange, error, type = 'text', multiline = false, autoComplete, hint, required = true }: PortalFieldProps) {
  return (
    <FormField label={label} error={error} hint={hint} className="portal-field">
      {multiline ? (
        <textarea value={value} required={required} rows={6} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input value={value} required={required} type={type} autoComplete={autoComplete} onChange={(event) => onChange(event.target.value)} />
      )}
    </FormField>
  );
}
