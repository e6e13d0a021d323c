import { metricDefinition, REPORT_METRICS } from './report-metrics.js';

describe('incident and problem metrics', () => {
  it('count the incidents created, the repeated ones, and the share linked to a problem', () => {
    expect(metricDefinition('INCIDENTS_CREATED')).toMatchObject({ anchor: 'created', unit: 'tickets', aggregate: { count: 'incident' } });
    expect(metricDefinition('REPEATED_INCIDENTS')).toMatchObject({ anchor: 'created', unit: 'tickets', aggregate: { count: 'repeatedIncident' } });
    expect(metricDefinition('INCIDENT_PROBLEM_LINK_RATE')).toMatchObject({ unit: 'ratio', aggregate: { share: 'linkedIncident', of: 'incident' } });
  });

  it('count the problems created, and the problems still open at the end of the range as the backlog does', () => {
    expect(metricDefinition('PROBLEMS_CREATED')).toMatchObject({ anchor: 'created', aggregate: { count: 'problem' } });
    expect(metricDefinition('UNRESOLVED_PROBLEMS')).toMatchObject({ anchor: 'openAtEnd', unit: 'tickets', aggregate: { count: 'problem' } });
  });

  it("measure a problem's resolution as any ticket's, over problems only, in wall-clock and business minutes", () => {
    expect(metricDefinition('PROBLEM_RESOLUTION_TIME').aggregate).toEqual({
      ...metricDefinition('RESOLUTION_TIME').aggregate,
      of: 'problem',
    });
    expect(metricDefinition('PROBLEM_RESOLUTION_BUSINESS_TIME').aggregate).toEqual({
      ...metricDefinition('RESOLUTION_BUSINESS_TIME').aggregate,
      of: 'problem',
    });
  });

  it('read only counts at the end of the range: a share or a time of what is open has no cohort to follow', () => {
    const openAtEnd = Object.values(REPORT_METRICS).filter((definition) => definition.anchor === 'openAtEnd');
    expect(openAtEnd.length).toBeGreaterThan(0);
    expect(openAtEnd.every((definition) => 'count' in definition.aggregate)).toBe(true);
  });
});
