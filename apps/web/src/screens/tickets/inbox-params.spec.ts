import { readInboxParams, ticketsFilterOf, writeInboxParams } from './inbox-params';

describe('inbox parameters', () => {
  it('defaults to my tickets, newest first, on the first page', () => {
    const params = readInboxParams(new URLSearchParams());
    expect(params).toEqual({ view: { kind: 'mine' }, sort: { by: 'CREATED_AT', direction: 'DESC' }, pageSize: 25 });
    expect(ticketsFilterOf(params)).toEqual({ assignee: { me: true } });
    expect(writeInboxParams(params).toString()).toBe('');
  });

  it('round-trips a queue view with filters, sort and cursor through the URL', () => {
    const url = 'view=queue%3Ag1&status=OPEN&priority=HIGH&q=invoice&sort=SLA_DEADLINE%3AASC&size=10&after=abc';
    const params = readInboxParams(new URLSearchParams(url));
    expect(params).toMatchObject({ view: { kind: 'queue', groupId: 'g1' }, status: 'OPEN', priority: 'HIGH', search: 'invoice', pageSize: 10, after: 'abc' });
    expect(writeInboxParams(params).toString()).toBe(url);
    expect(ticketsFilterOf(params)).toEqual({ groupIds: ['g1'], status: ['OPEN'], priority: ['HIGH'], search: 'invoice' });
  });

  it('narrows all tickets to a group, and ignores a group filter inside a queue view', () => {
    expect(ticketsFilterOf(readInboxParams(new URLSearchParams('view=all&group=g2')))).toEqual({ groupIds: ['g2'] });
    expect(ticketsFilterOf(readInboxParams(new URLSearchParams('view=queue:g1&group=g2')))).toEqual({ groupIds: ['g1'] });
  });

  it('drops values the API would refuse instead of sending them', () => {
    const params = readInboxParams(new URLSearchParams('status=LOST&priority=max&sort=NAME:UP&q=%20%20&view=queue:&size=1000'));
    expect(params).toEqual({ view: { kind: 'mine' }, sort: { by: 'CREATED_AT', direction: 'DESC' }, pageSize: 25 });
  });
});
