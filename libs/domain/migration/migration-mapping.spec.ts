import { parseMapping } from './migration-mapping.js';

const VALID = `version: 1
source: csv
csv:
  recordType: ticket
types:
  ticket:
    id: Ticket_ID
    fields:
      subject: { template: "{Ticket_Type}: {Category}", transform: trim }
      status: Status
      priority: Priority
      channel: { from: Channel, transform: lowercase }
      createdAt: Created_Date
    values:
      status: { Open: open, Closed: closed }
      priority: { Critical: urgent }
    defaults:
      description: ""
      requesterEmail: unknown@import.invalid
    customFields:
      product: Product
`;

describe('parseMapping', () => {
  it('reads a valid YAML mapping', () => {
    const { mapping, issues } = parseMapping(VALID);
    expect(issues).toEqual([]);
    expect(mapping?.csv).toEqual({ recordType: 'ticket', encoding: 'utf8', delimiter: ',' });
    expect(mapping?.types.ticket?.fields.subject).toEqual({ template: '{Ticket_Type}: {Category}', transforms: ['trim'] });
    expect(mapping?.types.ticket?.fields.status).toEqual({ from: 'Status', transforms: [] });
    expect(mapping?.types.ticket?.values.status).toEqual({ Open: 'open', Closed: 'closed' });
    expect(mapping?.types.ticket?.customFields).toEqual({ product: 'Product' });
  });

  it('reads the same mapping written as JSON', () => {
    const json = JSON.stringify({ version: 1, source: 'zendesk', types: { organization: { id: 'id', fields: { name: 'name' } } } }, null, 2);
    const { mapping, issues } = parseMapping(json);
    expect(issues).toEqual([]);
    expect(mapping?.types.organization?.fields.name.from).toBe('name');
  });

  it.each<[string, string, string, number]>([
    ['an unknown target field', '      subject: { template', '      subjekt: Ticket_Type\n      subject: { template', 9],
    ['a value the target does not accept', 'status: { Open: open, Closed: closed }', 'status: { Open: open, Closed: finished }', 15],
    ['an unknown transform', 'transform: lowercase', 'transform: shout', 12],
    ['a required field with neither source nor default', '      createdAt: Created_Date\n', '', 8],
    ['a wrong version', 'version: 1', 'version: 3', 1],
    ['an unknown record type', 'types:\n  ticket:', 'types:\n  tickets:', 6],
  ])('reports %s with the line to fix', (_name, from, to, line) => {
    const { mapping, issues } = parseMapping(VALID.replace(from, to));
    expect(mapping).toBeNull();
    expect(issues.map((issue) => issue.line)).toContain(line);
  });

  it('names the field and the accepted values in the message', () => {
    const { issues } = parseMapping(VALID.replace('Closed: closed', 'Closed: finished'));
    expect(issues).toEqual([
      { line: 15, path: 'types.ticket.values.status.Closed', message: '"finished" is not a status; use one of new, open, pending, on_hold, solved, closed.' },
    ]);
  });

  it('reports a syntax error with its line instead of throwing', () => {
    const { mapping, issues } = parseMapping('version: 1\nsource: csv\ntypes: {\n  ticket: [\n');
    expect(mapping).toBeNull();
    expect(issues[0].line).toBeGreaterThan(1);
  });
});
