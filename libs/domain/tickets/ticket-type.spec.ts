import { TICKET_CHANNELS } from './ticket-fields.js';
import { DEFAULT_TICKET_TYPE_BY_CHANNEL, TICKET_TYPES, isTicketType, ticketTypeOrDefault, type TicketTypeDefaults } from './ticket-type.js';

describe('ticket types', () => {
  it('lists the five types of issue 15', () => {
    expect(TICKET_TYPES).toEqual(['question', 'incident', 'problem', 'service_request', 'task']);
  });

  it('has a default for every channel, and it is question', () => {
    for (const channel of TICKET_CHANNELS) expect(DEFAULT_TICKET_TYPE_BY_CHANNEL[channel]).toBe('question');
  });

  it('keeps a given type and defaults an absent one by channel', () => {
    expect(ticketTypeOrDefault('incident', 'email')).toBe('incident');
    expect(ticketTypeOrDefault(undefined, 'phone')).toBe('question');
    expect(ticketTypeOrDefault(null, 'web')).toBe('question');
    expect(ticketTypeOrDefault('bogus' as never, 'chat')).toBe('question');
    expect(ticketTypeOrDefault(undefined, 'carrier-pigeon')).toBe('question');
  });

  it("prefers the admin's default for a channel that has one", () => {
    const defaults = { phone: 'incident', chat: 'bogus' } as unknown as TicketTypeDefaults;
    expect(ticketTypeOrDefault(undefined, 'phone', defaults)).toBe('incident');
    expect(ticketTypeOrDefault('task', 'phone', defaults)).toBe('task');
    expect(ticketTypeOrDefault(undefined, 'email', defaults)).toBe('question');
    expect(ticketTypeOrDefault(undefined, 'chat', defaults)).toBe('question');
    expect(ticketTypeOrDefault(undefined, 'constructor', {})).toBe('question');
  });

  it('tells types from other strings', () => {
    expect(isTicketType('service_request')).toBe(true);
    expect(isTicketType('Service Request')).toBe(false);
    expect(isTicketType(null)).toBe(false);
  });
});
