import { sampleValues } from './sample-values';

describe('email template sample values', () => {
  it('gives each variable its example, or its name in brackets', () => {
    expect(sampleValues(['ticket.number', 'something.new'])).toEqual({ 'ticket.number': '1042', 'something.new': '[something.new]' });
  });
});
