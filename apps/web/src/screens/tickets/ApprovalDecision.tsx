import { useState } from 'react';
import { useMutation } from 'urql';
import { fieldErrors } from '../../api/errors';
import { graphql } from '../../gql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FormField } from '../../ui/FormField';

const ApproveMutation = graphql(`
  mutation TicketsApproveServiceRequest($input: ApproveServiceRequestInput!) {
    approveServiceRequest(input: $input) {
      id
    }
  }
`);

const RejectMutation = graphql(`
  mutation TicketsRejectServiceRequest($input: RejectServiceRequestInput!) {
    rejectServiceRequest(input: $input) {
      id
    }
  }
`);

/** Approve or reject a pending request; a rejection's reason goes to the requester. A refusal shows the API's words. */
export function ApprovalDecision({ requestId, onDecided }: { requestId: string; onDecided(): void }) {
  const [reason, setReason] = useState('');
  const [approving, approve] = useMutation(ApproveMutation);
  const [rejecting, reject] = useMutation(RejectMutation);
  const busy = approving.fetching || rejecting.fetching;
  // The last attempt's refusal: a reason problem beside the field, anything else (FORBIDDEN, CONFLICT) below.
  const [lastError, setLastError] = useState<typeof approving.error>(undefined);
  const reasonProblem = fieldErrors(lastError).reason;

  const decide = async (decision: 'approve' | 'reject') => {
    const input = { requestId, reason: reason.trim() || undefined };
    const result = decision === 'approve' ? await approve({ input }) : await reject({ input: { requestId, reason } });
    setLastError(result.error);
    if (!result.error) {
      setReason('');
      onDecided();
    }
  };

  return (
    <div className="stack approval-decision">
      <FormField label="Reason" hint="Required to reject: the requester is told. Optional to approve." error={reasonProblem}>
        <textarea rows={2} value={reason} onChange={(event) => setReason(event.target.value)} />
      </FormField>
      <div className="row">
        <button type="button" disabled={busy} onClick={() => void decide('approve')}>
          Approve
        </button>
        <button type="button" className="danger" disabled={busy} onClick={() => void decide('reject')}>
          Reject
        </button>
      </div>
      {lastError && !reasonProblem && <ErrorNotice error={lastError} />}
    </div>
  );
}
