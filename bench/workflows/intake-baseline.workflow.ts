import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

// The intake baseline (bench/intake.ts): started exactly as createTicket starts a ticket's workflow (update-with-start
// of an `openTicket` update, the same start input, search attributes and conflict policy), it answers the update at
// once, with no activity and no write, and then stays open as a ticket's workflow does. Bundled on its own, so the help
// desk's workflow bundle stays free of benchmark code.

/** The same name and result shape as the ticket workflow's `openTicket` update. */
export const openBaselineUpdate = defineUpdate<{ number: string; createdAt: string }>('openTicket');

/** Takes (and ignores) the ticket workflow's start input; answers `openTicket` from the workflow clock. */
export async function intakeBaselineWorkflow(_input: unknown): Promise<void> {
  setHandler(openBaselineUpdate, () => ({ number: '0', createdAt: new Date().toISOString() }));
  await condition(() => false);
}
