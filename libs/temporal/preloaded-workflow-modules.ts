import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The pure domain modules the workflows use, loaded once into the worker's reusable V8 context and shared by every
 * workflow instead of evaluated again in each one (bench/open-tickets-memory.ts, bench/intake.ts). Shared means two
 * things, both true of these modules: their exports are frozen (nothing mutates them), and their module-level state
 * is a cache whose answers never depend on what was asked before (zone offsets, compiled calendars), so one workflow
 * cannot change another's outcome. A module the workflows import that is not listed is still evaluated per workflow;
 * workflows/workflow-bundle.spec.ts keeps the list complete. Never list a module that imports @temporalio/workflow.
 */
const DOMAIN_MODULES = [
  'calendar/business-calendar',
  'calendar/business-time',
  'calendar/calendar-validation',
  'calendar/compiled-calendar',
  'calendar/holiday-days',
  'calendar/index',
  'calendar/offset-chunks',
  'calendar/working-time-walk',
  'calendar/zoned-time',
  'catalog/approval-rules',
  'email/email-templates',
  'email/render-template',
  'escalation/escalation-policy-validation',
  'escalation/index',
  'escalation/raise-priority',
  'escalation/steps-for-alarm',
  'migration/migration-phases',
  'migration/reconciliation',
  'rollout/calendar-days',
  'rollout/criterion-result',
  'rollout/dependency-graph',
  'rollout/gate-evaluation',
  'rollout/index',
  'rollout/kpis',
  'rollout/pilot-evaluation',
  'rollout/rollout-template',
  'rollout/schedule',
  'rollout/template-validation',
  'sla/index',
  'sla/metric-clock',
  'sla/select-sla-policy',
  'sla/sla-metric',
  'sla/sla-policy-validation',
  'sla/sla-policy',
  'sla/sla-target-time',
  'sla/ticket-sla',
  'survey/survey-schedule',
  'survey/survey-settings',
  'tickets/field-changes',
  'tickets/problem-links',
  'tickets/ticket-fields',
  'tickets/ticket-status',
  'tickets/ticket-type',
];

/** Their paths for the bundler's `preloadModules`: the compiled files under dist/, or the TypeScript sources in tests. */
export function preloadedWorkflowModules(): string[] {
  return DOMAIN_MODULES.map((module) => {
    const compiled = fileURLToPath(new URL(`../domain/${module}.js`, import.meta.url));
    return existsSync(compiled) ? compiled : compiled.replace(/\.js$/, '.ts');
  });
}
