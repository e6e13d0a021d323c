import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { fieldErrors } from '../api/errors';
import { graphql } from '../gql';
import { newIdempotencyKey } from '../lib/idempotency-key';
import { ErrorNotice } from '../ui/ErrorNotice';
import { StatusNotice } from '../ui/StatusNotice';
import { PortalField } from './PortalField';
import { replyOutcome } from './reply-outcome';

// Answers with the request as it is now: urql's cache then refreshes the page's own query of it.
const PortalReply = graphql(`
  mutation PortalReply($input: ReplyToPortalRequestInput!) {
    replyToPortalRequest(input: $input) {
      addedTo
      followUp
      request {
        ...PortalRequestFields
      }
    }
  }
`);

/** The customer's answer on their request's page. */
export function RequestReplyForm({ token, requestNumber }: { token: string; requestNumber: string }) {
  const [body, setBody] = useState('');
  // The same answer sent again (a retry, a second tap) is recorded once; an edited answer is a new one.
  const [answerKey, setAnswerKey] = useState(newIdempotencyKey);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [result, reply] = useMutation(PortalReply);
  const problems = fieldErrors(result.error);

  function editBody(value: string) {
    setBody(value);
    setAnswerKey(newIdempotencyKey());
  }

  async function send(event: FormEvent) {
    event.preventDefault();
    setOutcome(null);
    const answer = await reply({ input: { token, body, idempotencyKey: answerKey } });
    if (answer.data) {
      setOutcome(replyOutcome(answer.data.replyToPortalRequest, requestNumber));
      setBody('');
      setAnswerKey(newIdempotencyKey());
    }
  }

  return (
    <section className="card portal-section" aria-labelledby="portal-reply-title">
      <h2 id="portal-reply-title">Answer us</h2>
      <form className="stack" noValidate onSubmit={send}>
        <PortalField label="Your reply" multiline value={body} onChange={editBody} error={problems.body} />
        {result.error && !problems.body && <ErrorNotice error={result.error} />}
        <button type="submit" className="portal-primary" disabled={result.fetching}>
          {result.fetching ? 'Sending…' : 'Send reply'}
        </button>
      </form>
      <StatusNotice message={outcome} />
    </section>
  );
}
