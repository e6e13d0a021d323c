import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { fieldErrors } from '../../api/errors';
import { graphql } from '../../gql';
import { ErrorNotice } from '../../ui/ErrorNotice';

const UpdateFieldsMutation = graphql(`
  mutation TicketsUpdateFields($input: UpdateTicketFieldsInput!) {
    updateTicketFields(input: $input) {
      id
      fields {
        name
        value
      }
    }
  }
`);

/** The ticket's custom fields; setting one (an empty value removes it) goes through the workflow onto the timeline. */
export function TicketFieldsEditor({ ticketId, fields, onChanged }: { ticketId: string; fields: Array<{ name: string; value: string }>; onChanged(): void }) {
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [{ fetching, error }, update] = useMutation(UpdateFieldsMutation);
  const messages = fieldErrors(error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await update({ input: { ticketId, fields: [{ name: name.trim(), value: value.trim() || null }] } });
    if (result.error) return;
    setName('');
    setValue('');
    onChanged();
  };

  return (
    <section className="card" aria-labelledby="fields-title">
      <h2 id="fields-title">Fields</h2>
      {fields.length === 0 ? (
        <p className="muted">No custom fields.</p>
      ) : (
        <dl className="ticket-fields">
          {fields.map((field) => (
            <div key={field.name}>
              <dt>{field.name}</dt>
              <dd>{field.value}</dd>
            </div>
          ))}
        </dl>
      )}
      <form className="row align-end" onSubmit={submit}>
        <label>
          Field name
          <input value={name} onChange={(event) => setName(event.target.value)} required list="ticket-field-names" />
        </label>
        <datalist id="ticket-field-names">
          {fields.map((field) => (
            <option key={field.name} value={field.name} />
          ))}
        </datalist>
        <label>
          Value
          <input value={value} onChange={(event) => setValue(event.target.value)} placeholder="empty removes it" />
        </label>
        <button type="submit" disabled={fetching || name.trim() === ''}>
          Set field
        </button>
      </form>
      {error && Object.keys(messages).length > 0 && (
        <ul className="field-error" role="alert">
          {Object.values(messages).map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      {error && Object.keys(messages).length === 0 && <ErrorNotice error={error} />}
    </section>
  );
}
