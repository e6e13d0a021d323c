import { StatusNotice } from '../ui/StatusNotice';

/** The portal's answer to a sent request: where the link to follow it went, since only the mailbox's owner may read it. */
export function RequestReceipt({ sentTo }: { sentTo: string | null }) {
  return (
    <StatusNotice
      message={
        sentTo && (
          <>
            Thank you, we have your request. We mailed a link to follow it to <strong>{sentTo}</strong>.
          </>
        )
      }
    />
  );
}
