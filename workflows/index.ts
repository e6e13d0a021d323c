// The workflow bundle's entry: every workflow type the worker runs.
export { ticketWorkflow } from './ticket/ticket.workflow.js';
export { migrationRunWorkflow } from './migration/migration.workflow.js';
