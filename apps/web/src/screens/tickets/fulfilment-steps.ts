/** A fulfilment task the workflow has started: a ticket of type task. */
export interface StartedTask<T> {
  kind: 'started';
  task: T;
}

/** A task of the item's plan not started yet (the one before it is not done, or the approval waits). */
export interface WaitingTask {
  kind: 'waiting';
  title: string;
}

/**
 * The request's tasks in the item's order: those started (tickets), then the rest of the plan still waiting. Tasks
 * start one after another, so the n-th started is the n-th of the plan.
 */
export function fulfilmentSteps<T>(planned: ReadonlyArray<{ title: string }>, started: readonly T[]): Array<StartedTask<T> | WaitingTask> {
  return [
    ...started.map((task): StartedTask<T> => ({ kind: 'started', task })),
    ...planned.slice(started.length).map((template): WaitingTask => ({ kind: 'waiting', title: template.title })),
  ];
}
