/** A live SLA event as it arrives from `slaEvents` (the fields the board reads). */
export interface SlaEventLike {
  type: string;
  data: unknown;
}

export interface EventReading {
  text: string;
  tone: 'warn' | 'danger' | 'info' | 'ok';
}

const METRIC_NAMES: Record<string, string> = { first_reply: 'First reply', next_reply: 'Next reply', resolution: 'Resolution' };

function field(data: unknown, name: string): unknown {
  return data && typeof data === 'object' ? (data as Record<string, unknown>)[name] : undefined;
}

function metricName(data: unknown): string {
  const metric = field(data, 'metric');
  return typeof metric === 'string' ? (METRIC_NAMES[metric] ?? metric) : 'SLA';
}

/** What a live SLA event means, in a sentence, and how alarming it is (the timeline's `data` explains the details). */
export function readSlaEvent(event: SlaEventLike): EventReading {
  const { data } = event;
  switch (event.type) {
    case 'sla_warning':
      return { text: `${metricName(data)} at ${field(data, 'threshold')} % of its target`, tone: 'warn' };
    case 'sla_breached':
      return { text: `${metricName(data)} target breached`, tone: 'danger' };
    case 'escalation_notified':
      return { text: `Escalation step ${field(data, 'step')}: ${String(field(data, 'recipients') ?? 'someone')} notified`, tone: 'warn' };
    case 'escalation_reassigned':
      return { text: `Escalation step ${field(data, 'step')}: moved to group ${String(field(data, 'to'))}`, tone: 'warn' };
    case 'escalation_priority_raised':
      return { text: `Escalation step ${field(data, 'step')}: priority raised to ${String(field(data, 'to')).toLowerCase()}`, tone: 'warn' };
    case 'escalation_acknowledged':
      return { text: 'Escalation acknowledged', tone: 'ok' };
    default:
      return { text: event.type.replaceAll('_', ' '), tone: 'info' };
  }
}
