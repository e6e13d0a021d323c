/** What the customer is told once their answer is recorded: where it went, when that is not simply this request. */
export function replyOutcome(reply: { addedTo: string; followUp: boolean }, requestNumber: string): string {
  if (reply.followUp) {
    return `This request was closed, so your message opened a new request, #${reply.addedTo}. We mailed you a link to follow it.`;
  }
  if (reply.addedTo !== requestNumber) return `This request was merged into #${reply.addedTo}: your message was added there.`;
  return 'Your reply was sent. We will answer you here and by mail.';
}
