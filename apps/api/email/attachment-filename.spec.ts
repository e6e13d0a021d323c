import { safeAttachmentFilename } from './attachment-filename.js';

describe('safeAttachmentFilename', () => {
  it.each([
    ['invoice.pdf', 'invoice.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\ana\\report.xlsx', 'report.xlsx'],
    ['evil\r\nSet-Cookie: x=1.txt', 'evilSet-Cookie: x=1.txt'],
    ['.bashrc', 'bashrc'],
    ['Überweisung “März”.pdf', 'Überweisung “März”.pdf'],
    ['', null],
    ['../', null],
    [null, null],
  ])('%j → %j', (name, expected) => {
    expect(safeAttachmentFilename(name)).toBe(expected);
  });

  it('keeps at most 200 characters', () => {
    expect(safeAttachmentFilename('a'.repeat(300))).toHaveLength(200);
  });
});
