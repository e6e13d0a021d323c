import { FormField } from '../ui/FormField';
import { inputTypeOf, type CatalogFormField } from './service-form';

interface CatalogFieldControlProps {
  field: CatalogFormField;
  value: string;
  onChange(value: string): void;
  /** The API's message about this field (`values.<name>`), shown beside it. */
  error?: string;
}

/** One typed field of a catalog item's form: a select for a choice, else an input of the kind's type; required marked. */
export function CatalogFieldControl({ field, value, onChange, error }: CatalogFieldControlProps) {
  const label = field.required ? `${field.label} (required)` : `${field.label} (optional)`;
  return (
    <FormField label={label} error={error} className="portal-field">
      {field.kind === 'CHOICE' ? (
        <select value={value} required={field.required} onChange={(event) => onChange(event.target.value)}>
          <option value="">Choose…</option>
          {field.choices.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      ) : (
        <input
          value={value}
          required={field.required}
          type={inputTypeOf(field.kind)}
          inputMode={field.kind === 'NUMBER' ? 'decimal' : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}
