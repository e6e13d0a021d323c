import { csvField } from './csv-field.js';

describe('csvField', () => {
  it('writes numbers and plain text as they are, and nothing for null', () => {
    expect([csvField(-40), csvField(0.5), csvField('email'), csvField(null)]).toEqual(['-40', '0.5', 'email', '']);
  });

  it('quotes a separator, a quote or a line break', () => {
    expect(csvField('Sales, EMEA')).toBe('"Sales, EMEA"');
    expect(csvField('the "VIP" desk')).toBe('"the ""VIP"" desk"');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(['+1', '-cmd', '@SUM(A1)'].map(csvField)).toEqual(["'+1", "'-cmd", "'@SUM(A1)"]);
  });
});
