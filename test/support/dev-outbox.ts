import { waitFor } from '../../libs/devstack/wait-for.js';
import type { TestSystem } from './test-system.js';

export interface OutboxMail {
  from: string;
  to: string[];
  messageId: string | null;
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
}

export const DEV_OUTBOX = `query($to: String, $first: Int) { devOutbox(to: $to, first: $first) { from to messageId subject text html headers } }`;

/** The dev outbox's mail to `to`, oldest first, read over GraphQL as an admin would. */
export async function outboxFor(system: TestSystem, adminToken: string, to: string): Promise<OutboxMail[]> {
  const { data, errors } = await system.graphql<{ devOutbox: OutboxMail[] }>(DEV_OUTBOX, { to, first: 200 }, adminToken);
  if (errors) throw new Error(JSON.stringify(errors));
  return data!.devOutbox.reverse();
}

/** Waits until the outbox holds a mail to `to` that `matches`; returns it. */
export function awaitMail(system: TestSystem, adminToken: string, to: string, matches: (mail: OutboxMail) => boolean): Promise<OutboxMail> {
  return waitFor(
    `a mail to ${to}`,
    async () => {
      const mail = (await outboxFor(system, adminToken, to)).find(matches);
      if (!mail) throw new Error('not in the dev outbox yet');
      return mail;
    },
    20_000,
    100,
  );
}
