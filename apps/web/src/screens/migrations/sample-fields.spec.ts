import { sampleFields } from './sample-fields';

describe('fields of a sample record', () => {
  it('lists a source record flat, nested objects by dotted names, empty values as a dash', () => {
    expect(sampleFields({ Ticket_ID: 'TKT-1', CSAT_Score: '', via: { channel: 'web' }, tags: ['a', 'b'] })).toEqual([
      ['Ticket_ID', 'TKT-1'],
      ['CSAT_Score', '—'],
      ['via.channel', 'web'],
      ['tags', 'a, b'],
    ]);
  });

  it('shows a mapped result as its target fields, then its custom fields', () => {
    const target = { type: 'ticket', sourceId: 'TKT-1', values: { priority: 'urgent', solvedAt: null }, customFields: { product: 'Product C' }, sourceUpdatedAt: 1 };
    expect(sampleFields(target)).toEqual([
      ['priority', 'urgent'],
      ['solvedAt', '—'],
      ['custom: product', 'Product C'],
    ]);
  });

  it('has nothing to show for a missing record', () => {
    expect(sampleFields(null)).toEqual([]);
  });
});
