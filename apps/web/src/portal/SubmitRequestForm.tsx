import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { fieldErrors } from '../api/errors';
import { graphql } from '../gql';
import { PortalField } from './PortalField';
import { RequestReceipt } from './RequestReceipt';
import { SendRequestFooter } from './SendRequestFooter';
import { newIdempotencyKey } from '../lib/idempotency-key';

const PortalSubmitRequest = graphql(`
  mutation PortalSubmitRequest($input: SubmitPortalRequestInput!) {
    submitPortalRequest(input: $input) {
      sentTo
    }
  }
`);

const EMPTY = { name: '', email: '', subject: '', description: '' };

/**
 * The request form. The browser's own checks are off (noValidate) so every problem is the API's message, beside its
 * field; the answer is the receipt (where the link to follow the request went).
 */
export function SubmitRequestForm() {
  const [form, setForm] = useState(EMPTY);
  // Sending the same form again (a retry, a second tap) gives the same request, not a second one.
  const [formKey, setFormKey] = useState(newIdempotencyKey);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [result, submit] = useMutation(PortalSubmitRequest);
  const problems = fieldErrors(result.error);
  // A changed form is another request: it gets a key of its own.
  const field = (name: keyof typeof EMPTY) => ({
    value: form[name],
    error: problems[name],
    onChange: (value: string) => {
      setForm({ ...form, [name]: value });
      setFormKey(newIdempotencyKey());
    },
  });

  async function send(event: FormEvent) {
    event.preventDefault();
    setSentTo(null);
    const answer = await submit({ input: { ...form, idempotencyKey: formKey } });
    if (answer.data) {
      setSentTo(answer.data.submitPortalRequest.sentTo);
      setForm(EMPTY);
      setFormKey(newIdempotencyKey());
    }
  }

  return (
    <section className="card portal-section" aria-labelledby="portal-request-title">
      <h2 id="portal-request-title">Submit a request</h2>
      <p className="muted">Tell us what you need. We will mail you a link where you can follow your request and answer us.</p>
      <form className="stack" noValidate onSubmit={send}>
        <PortalField label="Your name" autoComplete="name" {...field('name')} />
        <PortalField label="Your email" type="email" autoComplete="email" {...field('email')} />
        <PortalField label="Subject" {...field('subject')} />
        <PortalField label="Describe your request" multiline hint="What happened, and what you expected." {...field('description')} />
        <SendRequestFooter error={result.error} fieldProblems={Object.keys(problems).length > 0} sending={result.fetching} />
      </form>
      <RequestReceipt sentTo={sentTo} />
    </section>
  );
}
