import { readFileSync } from 'node:fs';
import { REPORT_METRIC_NAMES } from '../../libs/domain/reporting/index.js';

describe("README's reporting section", () => {
  it('states the rule of every report metric', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('### Reporting'), readme.indexOf('## Rollouts'));
    const undocumented = REPORT_METRIC_NAMES.filter((metric) => !new RegExp(`^\\| [^|]*\`${metric}\``, 'm').test(table));
    expect(undocumented).toEqual([]);
  });
});
