import { toggled } from './text-lists';

interface CheckboxGroupProps<T extends string> {
  legend: string;
  /** Every value offered, in the order a person reads them. */
  options: readonly T[];
  chosen: readonly T[];
  /** How a value reads on screen. */
  label(value: NoInfer<T>): string;
  onChange(chosen: T[]): void;
  /** The API's message about the whole group, beside it. */
  error?: string;
}

/** A named group of checkboxes choosing some of a list (channels, priorities, roles). */
export function CheckboxGroup<T extends string>({ legend, options, chosen, label, onChange, error }: CheckboxGroupProps<T>) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="admin-checks">
        {options.map((value) => (
          <label key={value} className="inline">
            <input type="checkbox" checked={chosen.includes(value)} onChange={(event) => onChange(toggled(chosen, value, event.target.checked))} />
            {label(value)}
          </label>
        ))}
      </div>
      {error && <span className="field-error">{error}</span>}
    </fieldset>
  );
}
