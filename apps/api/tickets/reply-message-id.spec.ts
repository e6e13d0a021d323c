import { replyMessageIdFor } from './reply-message-id.js';
import { ticketIdFor } from './ticket-id.js';

describe('replyMessageIdFor', () => {
  it('gives a retry (same caller, same key) the same id, and another caller or key another one', () => {
    const id = replyMessageIdFor('user-1', 'key-1');
    expect(replyMessageIdFor('user-1', 'key-1')).toBe(id);
    expect(replyMessageIdFor('user-2', 'key-1')).not.toBe(id);
    expect(replyMessageIdFor('user-1', 'key-2')).not.toBe(id);
    expect(replyMessageIdFor(null, 'key-1')).not.toBe(id);
  });

  it('never gives the id of the ticket the same caller created with the same key', () => {
    expect(replyMessageIdFor('user-1', 'key-1')).not.toBe(ticketIdFor('user-1', 'key-1'));
  });

  it('gives a reply without a key a new id each time', () => {
    expect(replyMessageIdFor('user-1', null)).not.toBe(replyMessageIdFor('user-1', null));
    expect(replyMessageIdFor('user-1', null)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
  });
});
