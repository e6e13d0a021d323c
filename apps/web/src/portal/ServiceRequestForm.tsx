import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { fieldErrors } from '../api/errors';
import { graphql } from '../gql';
import { newIdempotencyKey } from '../lib/idempotency-key';
import { CatalogFieldControl } from './CatalogFieldControl';
import { PortalField } from './PortalField';
import { RequestReceipt } from './RequestReceipt';
import { SendRequestFooter } from './SendRequestFooter';
import { blankFormValues, formValuesInput, splitFieldErrors, type CatalogFormField, type FormValues } from './service-form';

const PortalSubmitServiceRequest = graphql(`
  mutation PortalSubmitServiceRequest($input: SubmitPortalServiceRequestInput!) {
    submitPortalServiceRequest(input: $input) {
      sentTo
    }
  }
`);

const NO_REQUESTER = { requesterName: '', requesterEmail: '' };

/**
 * A catalog item's form, with who asks. As the portal's request form: the browser's checks are off so every problem
 * is the API's message beside its field, a retry lands once, and the answer is the same receipt.
 */
export function ServiceRequestForm({ itemId, fields }: { itemId: string; fields: CatalogFormField[] }) {
  const [requester, setRequester] = useState(NO_REQUESTER);
  const [values, setValues] = useState<FormValues>(() => blankFormValues(fields));
  const [formKey, setFormKey] = useState(newIdempotencyKey);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [result, submit] = useMutation(PortalSubmitServiceRequest);
  const problems = fieldErrors(result.error);
  const errors = splitFieldErrors(problems);
  // A changed form is another request: it gets a key of its own.
  const changed = () => setFormKey(newIdempotencyKey());
  const requesterField = (name: keyof typeof NO_REQUESTER) => ({
    value: requester[name],
    error: errors.request[name],
    onChange: (value: string) => {
      setRequester({ ...requester, [name]: value });
      changed();
    },
  });

  async function send(event: FormEvent) {
    event.preventDefault();
    setSentTo(null);
    const answer = await submit({
      input: { itemId, ...requester, requesterName: requester.requesterName || undefined, values: formValuesInput(fields, values), idempotencyKey: formKey },
    });
    if (answer.data) {
      setSentTo(answer.data.submitPortalServiceRequest.sentTo);
      setValues(blankFormValues(fields));
      changed();
    }
  }

  return (
    <section className="card portal-section" aria-labelledby="service-request-title">
      <h2 id="service-request-title">Your request</h2>
      <form className="stack" noValidate onSubmit={send}>
        <PortalField label="Your name" autoComplete="name" required={false} {...requesterField('requesterName')} />
        <PortalField label="Your email" type="email" autoComplete="email" {...requesterField('requesterEmail')} />
        {fields.map((field) => (
          <CatalogFieldControl
            key={field.name}
            field={field}
            value={values[field.name] ?? ''}
            error={errors.values[field.name]}
            onChange={(value) => {
              setValues({ ...values, [field.name]: value });
              changed();
            }}
          />
        ))}
        <SendRequestFooter error={result.error} fieldProblems={Object.keys(problems).length > 0} sending={result.fetching} />
      </form>
      <RequestReceipt sentTo={sentTo} />
    </section>
  );
}
