import { awaitingAcknowledgement } from './escalated-tickets';

const ticket = (id: string, escalationLevel: number, awaiting: boolean) => ({
  id,
  number: id,
  subject: `Ticket ${id}`,
  escalationLevel,
  sla: { awaitingAcknowledgement: awaiting },
});

describe('escalations waiting for acknowledgement', () => {
  it('keeps the awaiting tickets of both lists once, highest level first, else in list order', () => {
    const atRisk = [ticket('a', 1, true), ticket('b', 0, false), ticket('c', 2, true)];
    const breached = [ticket('c', 2, true), ticket('d', 1, true), ticket('e', 1, false)];
    expect(awaitingAcknowledgement(atRisk, breached).map((t) => t.id)).toEqual(['c', 'a', 'd']);
  });

  it('is empty when nothing awaits', () => {
    expect(awaitingAcknowledgement([ticket('a', 1, false)], [])).toEqual([]);
  });
});
