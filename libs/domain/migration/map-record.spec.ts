import { parseMapping } from './migration-mapping.js';
import { mapRecord, parseSourceDate } from './map-record.js';
import type { SourceRecord } from './migration-record.js';

const { mapping } = parseMapping(`version: 1
source: zendesk
types:
  ticket:
    id: id
    fields:
      subject: subject
      description: description
      requesterId: requester_id
      status: status
      priority: priority
      channel: via.channel
      tags: tags
      createdAt: created_at
      updatedAt: updated_at
    values:
      priority: { null: normal }
      channel: { voice: phone }
    defaults:
      priority: normal
      description: "(no description)"
    customFields:
      plan: "custom_fields[id=42].value"
`);

const ticket = (fields: Record<string, unknown>): SourceRecord => ({
  type: 'ticket',
  sourceId: '7',
  line: 3,
  fields: {
    id: 7,
    subject: 'Printer',
    description: 'On fire',
    requester_id: 99,
    status: 'open',
    priority: 'high',
    via: { channel: 'web' },
    tags: ['a', 'b'],
    created_at: '2024-01-02T03:04:05Z',
    updated_at: '2024-01-03T00:00:00Z',
    custom_fields: [{ id: 41, value: 'x' }, { id: 42, value: 'gold' }],
    ...fields,
  },
});

describe('mapRecord', () => {
  it('maps fields, nested paths, lists, custom fields and the update time', () => {
    const result = mapRecord(mapping!, ticket({}));
    expect(result).toEqual({
      ok: true,
      record: {
        type: 'ticket',
        sourceId: '7',
        values: {
          subject: 'Printer',
          description: 'On fire',
          requesterEmail: null,
          requesterId: '99',
          organizationId: null,
          status: 'open',
          priority: 'high',
          channel: 'web',
          tags: ['a', 'b'],
          createdAt: '2024-01-02T03:04:05.000Z',
          updatedAt: '2024-01-03T00:00:00.000Z',
        },
        customFields: { plan: 'gold' },
        sourceUpdatedAt: Date.parse('2024-01-03T00:00:00Z'),
      },
    });
  });

  it.each<[string, Record<string, unknown>, string, string | undefined]>([
    ['a value map', { via: { channel: 'voice' } }, 'channel', 'phone'],
    ['a default for an empty value', { priority: null }, 'priority', 'normal'],
    ['a default for a blank text', { description: '   ' }, 'description', '(no description)'],
  ])('applies %s', (_name, fields, field, expected) => {
    const result = mapRecord(mapping!, ticket(fields));
    expect(result.ok && result.record.values[field]).toBe(expected);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown status', { status: 'escalated' }, 'unmapped_value'],
    ['a bad date', { created_at: '2024-02-31 10:00' }, 'invalid_date'],
    ['a date that is not one', { created_at: 'yesterday' }, 'invalid_date'],
    ['a missing required field without default', { subject: '' }, 'missing_required'],
  ])('rejects %s with its reason code', (_name, fields, reason) => {
    const result = mapRecord(mapping!, ticket(fields));
    expect(result).toMatchObject({ ok: false, reason });
  });

  it('rejects a record the adapter could not read with the adapter reason', () => {
    const unreadable: SourceRecord = { ...ticket({}), unreadable: { reason: 'malformed_row', detail: 'Unclosed quote' } };
    expect(mapRecord(mapping!, unreadable)).toEqual({ ok: false, reason: 'malformed_row', detail: 'Unclosed quote' });
  });
});

describe('parseSourceDate', () => {
  it.each<[string, number | null]>([
    ['2024-11-23 03:01:00', Date.UTC(2024, 10, 23, 3, 1, 0)],
    ['2024-11-23', Date.UTC(2024, 10, 23)],
    ['2024-11-23T03:01:00+02:00', Date.UTC(2024, 10, 23, 1, 1, 0)],
    ['1700000000', 1_700_000_000_000],
    ['2024-13-01', null],
    ['2024-02-30 10:00', null],
    ['2024-01-01 25:00', null],
    ['not a date', null],
  ])('%s → %p', (input, expected) => {
    expect(parseSourceDate(input)).toBe(expected);
  });
});
