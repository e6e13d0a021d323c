import { replyOutcome } from './reply-outcome';

describe('replyOutcome', () => {
  it('confirms a reply added to the request itself', () => {
    expect(replyOutcome({ addedTo: '42', followUp: false }, '42')).toBe('Your reply was sent. We will answer you here and by mail.');
  });

  it('names the follow-up a closed request opened, and the request a merged one went on in', () => {
    expect(replyOutcome({ addedTo: '57', followUp: true }, '42')).toContain('opened a new request, #57');
    expect(replyOutcome({ addedTo: '40', followUp: false }, '42')).toBe('This request was merged into #40: your message was added there.');
  });
});
