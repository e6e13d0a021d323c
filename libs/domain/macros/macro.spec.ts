import { macroProblems } from './macro.js';
import { planMacro } from './macro-plan.js';

const macro = { public: true, setStatus: null, setPriority: null, addTags: [] as string[] };

describe('macroProblems', () => {
  it('accepts the ticket, customer and agent variables', () => {
    expect(macroProblems({ body: 'Hi {{customer.name}}, #{{ticket.number}} — {{agent.name}}', setStatus: 'pending' })).toEqual([]);
  });

  it('names the body for an unknown variable and setStatus for a status a macro may not set', () => {
    expect(macroProblems({ body: '{{survey.url}} {{message.body}}', setStatus: 'closed' })).toEqual([
      { field: 'body', message: expect.stringContaining('{{survey.url}}, {{message.body}}') },
      { field: 'setStatus', message: 'setStatus must be one of open, pending, on_hold, solved.' },
    ]);
  });
});

describe('planMacro', () => {
  it('opens a new ticket by the public reply, then sets the status, priority and missing tags', () => {
    expect(planMacro({ status: 'new', priority: 'normal', tags: ['a'] }, { ...macro, setStatus: 'pending', setPriority: 'high', addTags: ['a', 'b'] })).toEqual({
      statusAfterReply: 'open',
      status: 'pending',
      priority: 'high',
      tags: ['a', 'b'],
    });
  });

  it('leaves out the steps that change nothing', () => {
    expect(planMacro({ status: 'new', priority: 'high', tags: ['a'] }, { ...macro, setStatus: 'open', setPriority: 'high', addTags: ['a'] })).toEqual({
      statusAfterReply: 'open',
      status: null,
      priority: null,
      tags: null,
    });
  });

  it('keeps a new ticket new under an internal note', () => {
    expect(planMacro({ status: 'new', priority: 'low', tags: [] }, { ...macro, public: false })).toMatchObject({ statusAfterReply: 'new', status: null });
  });

  it('refuses before anything is done: a closed ticket, or a status the ticket cannot move to', () => {
    expect(planMacro({ status: 'closed', priority: 'low', tags: [] }, macro)).toBe('The ticket is closed: it takes no more replies.');
    expect(planMacro({ status: 'solved', priority: 'low', tags: [] }, { ...macro, setStatus: 'pending' })).toContain(
      'The macro sets the status to pending, which this ticket cannot take now',
    );
  });
});
