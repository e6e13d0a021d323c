// The workflow bundle's entry: every workflow type the worker runs.
export { ticketWorkflow } from './ticket/ticket.workflow.js';
export { rolloutWorkflow } from './rollout/rollout.workflow.js';
export { pilotWorkflow } from './rollout/pilot.workflow.js';
export { surveyWorkflow } from './survey/survey.workflow.js';
export { migrationRunWorkflow } from './migration/migration.workflow.js';
export { serviceRequestWorkflow } from './service-request/service-request.workflow.js';
