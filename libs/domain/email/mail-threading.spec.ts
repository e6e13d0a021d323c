import { referencedMessageIds, ticketNumberInSubject, withTicketReference } from './mail-threading.js';

describe('mail threading', () => {
  it.each<[string, string | null]>([
    ['Re: Cannot sign in [#42]', '42'],
    ['[#7] first', '7'],
    ['Re: about #42', null],
    ['[#abc]', null],
    ['no reference', null],
  ])('ticket number in %j → %j', (subject, number) => {
    expect(ticketNumberInSubject(subject)).toBe(number);
  });

  it('adds the reference once', () => {
    expect(withTicketReference('Solved: Cannot sign in', '42')).toBe('Solved: Cannot sign in [#42]');
    expect(withTicketReference('Re: Cannot sign in [#42]', '42')).toBe('Re: Cannot sign in [#42]');
  });

  it('lists In-Reply-To first, then References newest first, once each', () => {
    expect(referencedMessageIds('<c@x>', '<a@x> <b@x>\r\n <c@x>')).toEqual(['<c@x>', '<b@x>', '<a@x>']);
    expect(referencedMessageIds(undefined, ['<a@x>', '<b@x>'])).toEqual(['<b@x>', '<a@x>']);
    expect(referencedMessageIds(undefined, undefined)).toEqual([]);
    expect(referencedMessageIds('not an id', 'garbage')).toEqual([]);
  });
});
