import { mapRecord, type MigrationMapping, type SourceRecord } from '../../../libs/domain/migration/index.js';
import { exampleMapping, migrationFixture } from '../../../test/support/migration-fixtures.js';
import { readCsvHeader } from './csv-source.js';
import { readSource } from './read-source.js';
import type { SourceSpec } from './source-spec.js';

async function readAll(spec: SourceSpec, mapping: MigrationMapping): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of readSource(spec, mapping)) records.push(record);
  return records;
}

const mapped = (mapping: MigrationMapping, record: SourceRecord | undefined) => mapRecord(mapping, record!);

describe('generic CSV source', () => {
  const csvMapping = exampleMapping('generic-tickets.mapping.yaml');

  it('reads every row of the public 1,000-ticket export, and the mapping maps each one', async () => {
    const records = await readAll({ system: 'csv', files: [migrationFixture('generic-tickets-1k.csv')] }, csvMapping);
    expect(records).toHaveLength(1000);
    expect(records[0]).toMatchObject({ type: 'ticket', sourceId: 'TKT-00001', line: 2 });
    const results = records.map((record) => mapRecord(csvMapping, record));
    expect(results.filter((result) => !result.ok)).toEqual([]);
    expect(results[0]).toMatchObject({
      ok: true,
      record: {
        values: { subject: 'General Inquiry: Performance (Product D)', status: 'closed', priority: 'urgent', channel: 'chat', createdAt: '2024-11-23T03:01:00.000Z' },
        customFields: { product: 'Product D', agent: 'Agent_1', csat: '5.0' },
      },
    });
    // An empty CSAT cell is an absent custom field, not an empty string.
    expect(results[1].ok && results[1].record.customFields.csat).toBeUndefined();
  });

  describe('dirty data', () => {
    const dirtyMapping = (encoding: string) =>
      exampleMapping('generic-tickets.mapping.yaml', (text) =>
        text
          .replace('encoding: utf8', `encoding: ${encoding}`)
          .replace(/subject: \{ template: .*\}/, 'subject: Subject\n      description: Body'),
      );
    const read = (encoding: string) => readAll({ system: 'csv', files: [migrationFixture('dirty-tickets.csv')] }, dirtyMapping(encoding));

    it('keeps a quoted multi-line field whole and decodes Latin-1', async () => {
      const records = await read('latin1');
      const first = mapped(dirtyMapping('latin1'), records.find((record) => record.sourceId === 'D-1'));
      expect(first).toMatchObject({ ok: true, record: { values: { subject: 'Café order', description: 'First line\nsecond line, with comma' } } });
    });

    it('rejects the row with bytes that are not UTF-8 when read as UTF-8', async () => {
      const records = await read('utf8');
      expect(mapped(dirtyMapping('utf8'), records.find((record) => record.sourceId === 'D-1'))).toMatchObject({ ok: false, reason: 'invalid_encoding' });
    });

    it('gives every other row a result with a reason: nothing dropped', async () => {
      const mapping = dirtyMapping('latin1');
      const records = await read('latin1');
      const outcome = records.map((record) => {
        const result = mapRecord(mapping, record);
        return [record.sourceId, result.ok ? 'ok' : result.reason];
      });
      expect(outcome).toEqual([
        ['D-1', 'ok'],
        ['D-2', 'invalid_date'],
        ['D-3', 'unmapped_value'],
        ['line-6', 'malformed_row'],
        ['D-5', 'missing_required'],
        ['line-8', 'malformed_row'],
      ]);
    });

    it("keeps a malformed row's raw text and the file's record type, so its reject shows what to fix", async () => {
      const records = await read('latin1');
      const malformed = records.filter((record) => record.unreadable?.reason === 'malformed_row');
      expect(malformed.map(({ type, sourceId, fields }) => ({ type, sourceId, fields }))).toEqual([
        { type: 'ticket', sourceId: 'line-6', fields: { raw: 'D-4,2024-03-03 12:00:00,Closed,Medium,Phone,Too many,x,extra' } },
        { type: 'ticket', sourceId: 'line-8', fields: { raw: 'D-6,2024-03-05 14:00:00,Open,Low,Email,Truncated,"no end' } },
      ]);
    });

    it('reads the header row', async () => {
      expect(await readCsvHeader(migrationFixture('dirty-tickets.csv'), dirtyMapping('latin1').csv!)).toEqual([
        'Ticket_ID', 'Created_Date', 'Status', 'Priority', 'Channel', 'Subject', 'Body',
      ]);
    });

    it('refuses an encoding it does not know', async () => {
      await expect(read('klingon')).rejects.toThrow('Unknown encoding "klingon"');
    });
  });
});

describe('Zendesk source', () => {
  const mapping = exampleMapping('zendesk.mapping.yaml');

  it('classifies the real sandbox records and maps the importable ones', async () => {
    const records = await readAll({ system: 'zendesk', files: [migrationFixture('zendesk-sample.jsonl')] }, mapping);
    const byType = (type: string) => records.filter((record) => record.type === type);
    expect(records).toHaveLength(15);
    expect(byType('organization').map((record) => record.sourceId)).toEqual(['360033549136', '8841213425935']);
    expect(byType('customer')).toHaveLength(2);
    expect(byType('ticket').map((record) => record.sourceId)).toEqual(['125', '121']);
    expect(byType('message')).toHaveLength(2);
    expect(byType('other').map((record) => record.stream)).toEqual(['schedules', 'sla_policies', 'sla_policies', 'groups', 'groups', 'organization_memberships', 'satisfaction_ratings']);
    // Ticket 121 came by voice with a null priority: the value map and the default apply.
    expect(mapped(mapping, byType('ticket')[1])).toMatchObject({ ok: true, record: { values: { channel: 'phone', priority: 'normal', status: 'new', requesterId: '4992781783439' } } });
  });

  it('reads dirty NDJSON: a malformed line is reported with its line, an agent is not a customer', async () => {
    const records = await readAll({ system: 'zendesk', files: [migrationFixture('zendesk-dirty.ndjson')] }, mapping);
    expect(records.map((record) => [record.type, record.sourceId])).toEqual([
      ['organization', '1'],
      ['customer', '10'],
      ['customer', '11'],
      ['other', '12'],
      ['ticket', '100'],
      ['ticket', '101'],
      ['other', 'line-7'],
      ['message', '1000'],
    ]);
    expect(mapped(mapping, records[6])).toMatchObject({ ok: false, reason: 'malformed_row' });
    expect(records[6].fields).toEqual({ raw: '{"stream": "tickets", "data": {"id": 102, "subject": "broken' });
    expect(mapped(mapping, records[2])).toMatchObject({ ok: true, record: { values: { email: 'ana@acme.test' } } });
    expect(mapped(mapping, records[4])).toMatchObject({ ok: true, record: { values: { tags: ['login'] }, customFields: {} } });
  });
});

describe('Freshdesk source', () => {
  const mapping = exampleMapping('freshdesk.mapping.json');

  it('maps numeric status, priority and source codes and names an unknown code', async () => {
    const records = await readAll({ system: 'freshdesk', files: [migrationFixture('freshdesk-export.json')] }, mapping);
    expect(records.map((record) => record.type)).toEqual(['organization', 'customer', 'customer', 'other', 'ticket', 'ticket', 'ticket', 'message', 'article']);
    const [first, second, third] = records.filter((record) => record.type === 'ticket').map((record) => mapRecord(mapping, record));
    expect(first).toMatchObject({ ok: true, record: { values: { status: 'open', priority: 'high', channel: 'email' }, customFields: { plan: 'pro' } } });
    expect(second).toMatchObject({ ok: true, record: { values: { status: 'closed', priority: 'low', channel: 'web' } } });
    expect(third).toMatchObject({ ok: false, reason: 'unmapped_value', detail: expect.stringContaining('"9"') });
    expect(mapped(mapping, records[2])).toMatchObject({ ok: false, reason: 'missing_required' });
    expect(mapped(mapping, records[7])).toMatchObject({ ok: true, record: { values: { ticketId: '1', isPublic: true, authorType: 'agent' } } });
    expect(mapped(mapping, records[8])).toMatchObject({ ok: true, record: { values: { status: 'published', audience: 'public' } } });
  });
});
