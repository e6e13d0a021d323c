import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

// The assignment-latency baseline: a workflow that answers one update and ends, with no activity and no write. Bundled
// on its own (see ../support/update-round-trip.ts), so the help desk's workflow bundle stays free of benchmark code.

export const pingUpdate = defineUpdate<number>('ping');

/** Answers `ping` with the workflow clock, then completes. */
export async function updateRoundTripWorkflow(): Promise<void> {
  let answered = false;
  setHandler(pingUpdate, () => {
    answered = true;
    return Date.now();
  });
  await condition(() => answered);
}
