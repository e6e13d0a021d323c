import { parseMapping } from './migration-mapping.js';
import { missingCsvColumns } from './missing-columns.js';

const MAPPING = `version: 1
source: csv
csv: { recordType: ticket }
types:
  ticket:
    id: Ticket_ID
    fields:
      subject: { template: "{Ticket_Type}: {Categroy}" }
      status: Status
      priority: priorty
      channel: Channel
      createdAt: Created_Date
    defaults: { description: "", requesterEmail: x@import.invalid }
    customFields:
      product: Prodct
`;

describe('missingCsvColumns', () => {
  const header = ['Ticket_ID', 'Created_Date', 'Ticket_Type', 'Category', 'Priority', 'Status', 'Channel', 'Product'];

  it('names every mapped column the header lacks, with the mapping line that reads it', () => {
    const issues = missingCsvColumns(parseMapping(MAPPING), header, 'export.csv');
    expect(issues.map(({ line, path }) => [line, path])).toEqual([
      [8, 'types.ticket.fields.subject'],
      [10, 'types.ticket.fields.priority'],
      [15, 'types.ticket.customFields.product'],
    ]);
    expect(issues[1].message).toBe(`fields.priority reads column "priorty", which export.csv does not have (its columns: ${header.join(', ')}).`);
  });

  it('finds nothing when every column is there', () => {
    const fixed = MAPPING.replace('Categroy', 'Category').replace('priorty', 'Priority').replace('Prodct', 'Product');
    expect(missingCsvColumns(parseMapping(fixed), header, 'export.csv')).toEqual([]);
  });
});
