import { isExportFileName, safeExportFileName } from './export-file-names.js';

describe('names of uploaded export files', () => {
  const none = new Set<string>();

  it('keeps a plain name as it is', () => {
    expect(safeExportFileName('generic-tickets-1k.csv', none)).toBe('generic-tickets-1k.csv');
  });

  it('drops folders of either kind, so a name can never climb out of its upload folder', () => {
    expect(safeExportFileName('../../etc/passwd.csv', none)).toBe('passwd.csv');
    expect(safeExportFileName('..\\..\\Windows\\tickets.json', none)).toBe('tickets.json');
    expect(safeExportFileName('..', none)).toBe('export');
  });

  it('replaces spaces, quotes and other characters, and never starts with a dot', () => {
    expect(safeExportFileName('Tickets "März" 2024.CSV', none)).toBe('Tickets_Marz_2024.csv');
    expect(safeExportFileName('.hidden.ndjson', none)).toBe('hidden.ndjson');
    expect(safeExportFileName('.csv', none)).toBe('csv');
  });

  it('shortens very long names but keeps the extension', () => {
    const name = safeExportFileName(`${'a'.repeat(500)}.jsonl`, none);
    expect(name.length).toBeLessThanOrEqual(120);
    expect(name.endsWith('.jsonl')).toBe(true);
  });

  it('numbers a name already taken in the folder', () => {
    expect(safeExportFileName('tickets.csv', new Set(['tickets.csv', 'tickets-2.csv']))).toBe('tickets-3.csv');
  });

  it('accepts the formats the sources read, by extension, whatever its case', () => {
    expect(['a.csv', 'b.JSON', 'c.ndjson', 'd.jsonl'].every(isExportFileName)).toBe(true);
    expect(['a.exe', 'b.csv.gz', 'noextension', 'x.yaml'].some(isExportFileName)).toBe(false);
  });
});
