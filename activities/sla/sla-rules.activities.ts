import type { DataSource } from 'typeorm';
import { ALWAYS_OPEN_CALENDAR, type BusinessCalendar } from '../../libs/domain/calendar/index.js';
import type { EscalationPolicy, EscalationStep } from '../../libs/domain/escalation/index.js';
import { ticketTypeOrDefault } from '../../libs/domain/tickets/ticket-type.js';
import { DEFAULT_PAUSE_WHILE, selectSlaPolicy, type SlaPolicy, type SlaTicketFacts } from '../../libs/domain/sla/index.js';
import type { SlaRulesSnapshot } from '../../workflows/ticket/ticket.contract.js';

interface PolicyRow {
  id: string;
  name: string;
  position: number;
  conditions: SlaPolicy['conditions'];
  targets: SlaPolicy['targets'];
  pause_while: SlaPolicy['pauseWhile'];
  warning_thresholds: number[];
  calendar_id: string | null;
  escalation_policy_id: string | null;
}

const DEFAULT_AUTO_CLOSE_DAYS = 4;

/**
 * The ticket's facts as its workflow knows them: a service request names its catalog service and item by id (absent
 * for other tickets and in runs from before the catalog); the activity looks their names up for the policy's reason.
 */
export type SlaRulesRequest = Omit<SlaTicketFacts, 'service' | 'requestItem'> & { serviceId?: string | null; requestItemId?: string | null };

/** Reads the SLA configuration for the ticket workflow. Read-only, so retries are harmless. */
export function createSlaRulesActivities({ dataSource }: { dataSource: DataSource }) {
  return {
    /** The first active policy matching the ticket, with its calendar and escalation policy, as one snapshot. */
    async resolveSlaRules(request: SlaRulesRequest): Promise<SlaRulesSnapshot> {
      const facts = await withCatalogNames(dataSource, request);
      const rows = await dataSource.query<PolicyRow[]>(
        `SELECT id, name, position, conditions, targets, pause_while, warning_thresholds, calendar_id, escalation_policy_id
         FROM sla_policies WHERE active ORDER BY position, name`,
      );
      const [settings] = await dataSource.query<Array<{ auto_close_days: number }>>(
        'SELECT auto_close_days FROM helpdesk_settings WHERE id = 1',
      );
      const autoCloseDays = settings?.auto_close_days ?? DEFAULT_AUTO_CLOSE_DAYS;
      // Facts from a workflow of code older than ticket types name no type: the channel's default.
      const selection = selectSlaPolicy(rows.map(toPolicy), { ...facts, type: ticketTypeOrDefault(facts.type, facts.channel) });
      if (!selection) {
        return {
          policy: null,
          targets: {},
          pauseWhile: DEFAULT_PAUSE_WHILE,
          warningThresholds: [],
          calendar: ALWAYS_OPEN_CALENDAR,
          escalationPolicy: null,
          autoCloseDays,
        };
      }
      const { policy, reason } = selection;
      return {
        policy: { id: policy.id, name: policy.name, reason },
        targets: policy.targets[facts.priority] ?? {},
        pauseWhile: policy.pauseWhile,
        warningThresholds: policy.warningThresholds,
        calendar: policy.calendarId ? await loadCalendar(dataSource, policy.calendarId) : ALWAYS_OPEN_CALENDAR,
        escalationPolicy: policy.escalationPolicyId ? await loadEscalationPolicy(dataSource, policy.escalationPolicyId) : null,
        autoCloseDays,
      };
    },
  };
}

export type SlaRulesActivities = ReturnType<typeof createSlaRulesActivities>;

/** The facts with the service request's service and item named (a row deleted meanwhile: that condition cannot match). */
async function withCatalogNames(dataSource: DataSource, request: SlaRulesRequest): Promise<SlaTicketFacts> {
  const { serviceId, requestItemId, ...facts } = request;
  if (!serviceId) return facts;
  const [row] = await dataSource.query<Array<{ service_name: string | null; item_name: string | null }>>(
    `SELECT (SELECT name FROM services WHERE id = $1) AS service_name,
            (SELECT name FROM service_request_items WHERE id = $2) AS item_name`,
    [serviceId, requestItemId ?? null],
  );
  return {
    ...facts,
    service: row.service_name === null ? null : { id: serviceId, name: row.service_name },
    requestItem: requestItemId && row.item_name !== null ? { id: requestItemId, name: row.item_name } : null,
  };
}

function toPolicy(row: PolicyRow): SlaPolicy {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    conditions: row.conditions,
    targets: row.targets,
    pauseWhile: row.pause_while,
    warningThresholds: row.warning_thresholds,
    calendarId: row.calendar_id,
    escalationPolicyId: row.escalation_policy_id,
  };
}

async function loadCalendar(dataSource: DataSource, id: string): Promise<BusinessCalendar> {
  const [row] = await dataSource.query<Array<{ time_zone: string; intervals: BusinessCalendar['intervals']; holidays: BusinessCalendar['holidays'] }>>(
    'SELECT time_zone, intervals, holidays FROM business_calendars WHERE id = $1',
    [id],
  );
  // Deleting a calendar in use is refused, so a missing one means the configuration changed under us: count time
  // around the clock rather than stall the ticket.
  return row ? { timeZone: row.time_zone, intervals: row.intervals, holidays: row.holidays } : ALWAYS_OPEN_CALENDAR;
}

async function loadEscalationPolicy(dataSource: DataSource, id: string): Promise<EscalationPolicy | null> {
  const [row] = await dataSource.query<Array<{ id: string; name: string; steps: EscalationStep[] }>>(
    'SELECT id, name, steps FROM escalation_policies WHERE id = $1',
    [id],
  );
  return row ? { id: row.id, name: row.name, steps: row.steps.map(withAbsentOptionals) } : null;
}

/** Stored from GraphQL, a trigger's unset metric or threshold is null; the domain reads only an absent one as "any". */
function withAbsentOptionals(step: EscalationStep): EscalationStep {
  const { on, metric, thresholdPercent } = step.trigger;
  return {
    ...step,
    trigger: { on, ...(metric != null && { metric }), ...(thresholdPercent != null && { thresholdPercent }) },
    repeatEveryMinutes: step.repeatEveryMinutes ?? null,
  };
}
