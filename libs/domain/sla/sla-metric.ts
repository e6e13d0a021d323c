/** The things an SLA times: the first agent reply, each later agent reply to a customer, and solving the ticket. */
export const SLA_METRICS = ['first_reply', 'next_reply', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

export function isSlaMetric(value: string): value is SlaMetric {
  return (SLA_METRICS as readonly string[]).includes(value);
}
