import { formatWhen } from './format-when';

describe('formatWhen', () => {
  it('writes a moment with its date and time of day', () => {
    const written = formatWhen('2026-12-07T15:04:00Z');
    expect(written).toMatch(/2026/);
    expect(written).toMatch(/\d{1,2}:\d{2}/);
  });
});
