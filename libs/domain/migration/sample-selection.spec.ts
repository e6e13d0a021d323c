import { selectSample, type SampleCandidate } from './sample-selection.js';

const ticket = (sourceId: string, over: Partial<SampleCandidate> = {}): SampleCandidate => ({
  type: 'ticket',
  sourceId,
  status: 'open',
  priority: 'normal',
  createdAt: 1_000,
  threadLength: 1,
  hasAttachments: false,
  hasCustomFields: false,
  ...over,
});

describe('selectSample', () => {
  const plain = Array.from({ length: 200 }, (_, index) => ticket(`p${index}`, { createdAt: 1_000 + index }));
  const special = [
    ticket('closed', { status: 'closed', createdAt: 5_000 }),
    ticket('urgent', { priority: 'urgent', createdAt: 5_000 }),
    ticket('oldest', { createdAt: 1 }),
    ticket('newest', { createdAt: 9_999 }),
    ticket('thread', { threadLength: 40, createdAt: 5_000 }),
    ticket('attachments', { hasAttachments: true, createdAt: 5_000 }),
    ticket('custom', { hasCustomFields: true, createdAt: 5_000 }),
    { ...ticket('acme'), type: 'organization' as const },
  ];
  const all = [...plain.slice(0, 100), ...special, ...plain.slice(100)];

  it.each(['closed', 'urgent', 'oldest', 'newest', 'thread', 'attachments', 'custom'])('includes the %s case', (id) => {
    expect(selectSample(all)).toContain(`ticket:${id}`);
  });

  it('includes every record type present', () => {
    expect(selectSample(all)).toContain('organization:acme');
  });

  it('fills up to the size and never beyond, without duplicates', () => {
    const sample = selectSample(all, 50);
    expect(sample).toHaveLength(50);
    expect(new Set(sample).size).toBe(50);
    expect(selectSample(all.slice(0, 10), 50)).toHaveLength(10);
  });
});
