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
      type: type
      tags: tags
      createdAt: created_at
      updatedAt: updated_at
    values:
      priority: { null: normal }
      channel: { voice: phone }
      type: { question: question, incident: incident, problem: problem, task: task }
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
  it.each<[unknown, string | null]>([
    ['incident', 'incident'],
    ['task', 'task'],
    [null, null],
  ])('maps the ticket type %s (null: left to the channel default when written) to %s', (type, expected) => {
    const result = mapRecord(mapping!, ticket({ type }));
    expect(result.ok && result.record.values.type).toBe(expected);
  });

  it('rejects a ticket type the value map does not cover', () => {
    expect(mapRecord(mapping!, ticket({ type: 'outage' }))).toMatchObject({
      ok: false,
      reason: 'unmapped_value',
      detail: 'type: "outage" is not mapped to one of question, incident, problem, service_request, task.',
    });
  });

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
          type: null,
          problemId: null,
          tags: ['a', 'b'],
          createdAt: '2024-01-02T03:04:05.000Z',
          updatedAt: '2024-01-03T00:00:00.000Z',
          solvedAt: null,
          closedAt: null,
          firstReplyAt: null,
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

  it('keeps the values of the other fields of a rejected record (its phase follows its status)', () => {
    const result = mapRecord(mapping!, ticket({ status: 'closed', updated_at: 'last week' }));
    expect(result).toMatchObject({ ok: false, reason: 'invalid_date', values: { status: 'closed', createdAt: '2024-01-02T03:04:05.000Z' } });
  });

  it('names a mapped source column the record does not have in the reject detail', () => {
    const { subject: _subject, ...withoutSubject } = ticket({}).fields;
    const result = mapRecord(mapping!, { ...ticket({}), fields: withoutSubject });
    expect(result).toMatchObject({ ok: false, reason: 'missing_required', detail: 'subject is empty and has no default. The source has no "subject".' });
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
    // Fractional seconds, as many exporters write them (PostgreSQL's text form among them), kept to the millisecond.
    ['2024-10-30 15:15:11.744884', Date.UTC(2024, 9, 30, 15, 15, 11, 744)],
    ['2024-10-30T15:15:11.7', Date.UTC(2024, 9, 30, 15, 15, 11, 700)],
    ['2024-10-30 15:15:11.744884+02', Date.UTC(2024, 9, 30, 13, 15, 11, 744)],
    ['2024-10-30 15:15:11.744884+0530', Date.UTC(2024, 9, 30, 9, 45, 11, 744)],
    ['2024-10-30T15:15:11.123456789Z', Date.UTC(2024, 9, 30, 15, 15, 11, 123)],
    ['2024-10-30 15:15:11-05:00', Date.UTC(2024, 9, 30, 20, 15, 11)],
    ['2024-10-30 15:15:60.5', null],
    ['1700000000', 1_700_000_000_000],
    ['2024-13-01', null],
    ['2024-02-30 10:00', null],
    ['2024-01-01 25:00', null],
    ['not a date', null],
  ])('%s → %p', (input, expected) => {
    expect(parseSourceDate(input)).toBe(expected);
  });
});

describe('done times', () => {
  const withTimes = (solvedAt: string) =>
    parseMapping(`version: 1
source: csv
csv: { recordType: ticket }
types:
  ticket:
    id: id
    fields:
      subject: subject
      status: status
      priority: priority
      channel: channel
      createdAt: created
      solvedAt: ${solvedAt}
      closedAt: closed
    defaults: { description: "", requesterEmail: x@import.invalid }
`);
  const row = (fields: Record<string, unknown>): SourceRecord => ({
    type: 'ticket',
    sourceId: '1',
    line: 2,
    fields: { id: '1', subject: 's', status: 'closed', priority: 'high', channel: 'email', created: '2024-03-01 10:00:00', closed: null, ...fields },
  });

  it('maps solvedAt and closedAt as dates', () => {
    const result = mapRecord(withTimes('solved').mapping!, row({ solved: '2024-03-02 09:30:00.25', closed: '2024-03-05 00:00:00' }));
    expect(result.ok && result.record.values).toMatchObject({ solvedAt: '2024-03-02T09:30:00.250Z', closedAt: '2024-03-05T00:00:00.000Z' });
  });

  it('reads a duration in hours after another date (an export that gives resolution hours)', () => {
    const result = mapRecord(withTimes('{ from: hours, hoursAfter: createdAt }').mapping!, row({ hours: '18.05' }));
    expect(result.ok && result.record.values.solvedAt).toBe('2024-03-02T04:03:00.000Z');
    expect(mapRecord(withTimes('{ from: hours, hoursAfter: createdAt }').mapping!, row({ hours: 'soon' }))).toMatchObject({ ok: false, reason: 'invalid_value' });
  });

  it('refuses hoursAfter naming a field that is not an earlier date', () => {
    const { issues } = withTimes('{ from: hours, hoursAfter: closedAt }');
    expect(issues).toEqual([
      { line: 13, path: 'types.ticket.fields.solvedAt.hoursAfter', message: 'fields.solvedAt.hoursAfter must name a date field mapped before it: createdAt, updatedAt.' },
    ]);
  });
});
