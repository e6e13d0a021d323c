import { mappingIssuesOf } from './mapping-issues';

describe('the mapping issues of a refused start', () => {
  it('keeps each issue with its line and drops anything else', () => {
    const issue = { line: 21, path: 'types.ticket.values.status.Closed', message: '"finished" is not a status' };
    expect(mappingIssuesOf({ code: 'BAD_USER_INPUT', issues: [issue, { line: 'x' }, null] })).toEqual([issue]);
  });

  it('finds none in an error of another kind', () => {
    expect(mappingIssuesOf(undefined)).toEqual([]);
    expect(mappingIssuesOf({ code: 'CONFLICT' })).toEqual([]);
  });
});
