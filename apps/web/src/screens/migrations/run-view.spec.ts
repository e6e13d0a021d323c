import { phaseBars, readProgress, readReport, statusTone, type LiveProgress } from './run-view';

const counts = (read: number, imported = read) => ({ read, imported, updated: 0, rejected: read - imported, skipped: 0 });

function live(phases: Array<[string, number, number, boolean]>): LiveProgress {
  return readProgress({
    phases: phases.map(([phase, expected, read, done]) => ({ phase, expected, counts: counts(read), batches: 1, done })),
    totals: counts(0),
    preflight: null,
    ticketWorkflowsExpected: 0,
    ticketWorkflowsStarted: 0,
    ratePerSecond: 0,
    etaSeconds: null,
  })!;
}

describe('a migration run as the screens read it', () => {
  it('fills each live bar by the share read, reaching 100 % only when the phase is done', () => {
    const bars = phaseBars(live([['customers', 0, 0, true], ['open_tickets', 572, 572, false], ['history', 428, 214, false], ['knowledge', 0, 0, false]]), readReport({}), 'running');
    expect(bars.map((bar) => [bar.phase, bar.percent])).toEqual([
      ['customers', 100],
      ['open_tickets', 99],
      ['history', 50],
      ['knowledge', 0],
    ]);
  });

  it('after the run, reads the bars from the report: all full for a completed run, done phases only for a cancelled one', () => {
    const report = readReport({ totals: counts(1000), phases: { open_tickets: counts(572), history: counts(428, 400) } });
    expect(phaseBars(null, report, 'completed').every((bar) => bar.percent === 100)).toBe(true);
    const cancelled = phaseBars(null, readReport({ totals: counts(572), phases: { open_tickets: counts(572) } }), 'cancelled');
    expect(cancelled.filter((bar) => bar.done).map((bar) => bar.phase)).toEqual(['open_tickets']);
    expect(phaseBars(null, report, 'completed').find((bar) => bar.phase === 'history')?.counts.rejected).toBe(28);
  });

  it('reads a missing report or progress safely', () => {
    expect(readReport(null).totals).toEqual(counts(0));
    expect(readProgress(null)).toBeNull();
    expect(readProgress({ status: 'running' })).toBeNull();
  });

  it('tones statuses by what the operator must do', () => {
    expect(['completed', 'awaiting_approval', 'failed', 'running', 'rolled_back'].map(statusTone)).toEqual(['ok', 'warn', 'danger', 'info', 'neutral']);
  });
});
