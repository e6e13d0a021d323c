/** Example values for the variables a template may use, so its preview reads like a real mail. */
const EXAMPLES: Record<string, string> = {
  'ticket.id': '6f1c2a9e-0000-4000-8000-000000000042',
  'ticket.number': '1042',
  'ticket.subject': 'Cannot download my invoice',
  'ticket.status': 'open',
  'customer.email': 'dana@example.com',
  'customer.name': 'Dana Customer',
  'agent.name': 'Alex Agent',
  'helpdesk.address': 'support@example.com',
  'request.url': 'https://help.example.com/portal/requests/1042',
  'message.body': 'Thank you for waiting: the invoice is attached again.',
  'survey.url': 'https://help.example.com/portal/surveys/abc123',
  'survey.expiresAt': '14 December 2026',
  'primary.number': '1040',
  'primary.subject': 'Invoice download fails',
};

/** A value for each variable: the example when there is one, else the variable's name in brackets. */
export function sampleValues(variables: readonly string[]): Record<string, string> {
  return Object.fromEntries(variables.map((name) => [name, EXAMPLES[name] ?? `[${name}]`]));
}
