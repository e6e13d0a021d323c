import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { fieldErrors } from '../../api/errors';
import { graphql } from '../../gql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { StatusNotice } from '../../ui/StatusNotice';

const ReplyMutation = graphql(`
  mutation TicketsReply($input: ReplyToTicketInput!) {
    replyToTicket(input: $input) {
      id
      isPublic
    }
  }
`);

/** One box, two ways out: a public reply (mailed to the requester) or an internal note (staff only). */
export function ReplyBox({ ticketId, requesterEmail, onSent }: { ticketId: string; requesterEmail: string; onSent(): void }) {
  const [body, setBody] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [{ fetching, error }, reply] = useMutation(ReplyMutation);
  const bodyError = fieldErrors(error).body;

  const send = async (isPublic: boolean) => {
    setDone(null);
    const result = await reply({ input: { ticketId, body, public: isPublic } });
    if (result.error) return;
    setBody('');
    setDone(isPublic ? `Reply sent to ${requesterEmail}.` : 'Internal note added (not sent to the customer).');
    onSent();
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    void send(submitter?.value !== 'internal');
  };

  return (
    <section className="card" aria-labelledby="reply-title">
      <h2 id="reply-title">Reply</h2>
      <form className="stack" onSubmit={submit}>
        <label>
          Message
          <textarea value={body} onChange={(event) => setBody(event.target.value)} required aria-invalid={bodyError ? true : undefined} aria-describedby={bodyError ? 'reply-body-error' : undefined} />
          {bodyError && (
            <span id="reply-body-error" className="field-error">
              {bodyError}
            </span>
          )}
        </label>
        <div className="row">
          <button type="submit" value="public" disabled={fetching || body.trim() === ''}>
            Send public reply
          </button>
          <button type="submit" value="internal" className="secondary" disabled={fetching || body.trim() === ''}>
            Add internal note
          </button>
        </div>
        {error && !bodyError && <ErrorNotice error={error} />}
        <StatusNotice message={done} />
      </form>
    </section>
  );
}
