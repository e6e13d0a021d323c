import { readPilot } from './pilot-view';

describe('readPilot', () => {
  it('reads a running pilot: window, check-ins, issues, the mean confidence', () => {
    const view = readPilot({
      status: 'running',
      startedAt: '2026-12-01T09:00:00.000Z',
      endsAt: '2026-12-08T09:00:00.000Z',
      checkIns: [{ at: '2026-12-02T09:00:00.000Z', by: 'u1', note: 'Smooth day one' }],
      issues: [{ at: '2026-12-02T10:00:00.000Z', by: 'u1', description: 'Macros missing', severity: 'medium' }],
      agentConfidence: { a1: 8, a2: 6 },
    });
    expect(view).toEqual({
      from: '2026-12-01T09:00:00.000Z',
      to: '2026-12-08T09:00:00.000Z',
      checkIns: [{ at: '2026-12-02T09:00:00.000Z', by: 'u1', text: 'Smooth day one' }],
      issues: [{ at: '2026-12-02T10:00:00.000Z', by: 'u1', text: 'Macros missing', severity: 'medium' }],
      agentConfidence: 7,
      confidenceAnswers: 2,
      go: null,
      criteria: [],
    });
  });

  it('reads an ended pilot report: go and the criteria', () => {
    const view = readPilot({
      from: '2026-12-01',
      to: '2026-12-08',
      go: false,
      agentConfidence: 6.5,
      criteria: [{ criterion: 'routing accuracy', status: 'failed', actual: 0.8, target: 0.9, shortBy: 0.1, detail: 'short' }],
      checkIns: [],
      issues: [],
    });
    expect(view).toMatchObject({ from: '2026-12-01', to: '2026-12-08', go: false, agentConfidence: 6.5, confidenceAnswers: 0 });
    expect(view.criteria).toEqual([{ criterion: 'routing accuracy', status: 'failed', actual: 0.8, target: 0.9, shortBy: 0.1, detail: 'short' }]);
  });

  it('reads anything malformed as empty', () => {
    expect(readPilot(null)).toMatchObject({ checkIns: [], issues: [], agentConfidence: null, go: null, criteria: [] });
    expect(readPilot({ checkIns: 'x', issues: [1, null] })).toMatchObject({ checkIns: [], issues: [] });
  });
});
