import { randomBytes } from 'node:crypto';
import { sendToInbound } from '../support/send-mail.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const CHANGE_STATUS = `mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { status } }`;

/**
 * A reply mail whose handling crashes after the reply was stored but before the mail was recorded as received, then
 * comes again (the sending server retries after the 451): it must be stored once.
 */
describe('a reply mail redelivered after a crash', () => {
  let system: TestSystem;
  let agent: string;

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: agent } = await system.signIn(['agent']));
  });
  afterAll(() => system.stop());

  const uniqueAddress = (name: string) => `${name}-${randomBytes(3).toString('hex')}@customer.example`;
  const send = (mail: Parameters<typeof sendToInbound>[1]) => sendToInbound(system.inboundSmtpPort, mail);

  async function ticketOpenedByMail(sender: string, subject: string): Promise<{ id: string; number: string }> {
    await send({ from: sender, subject, text: 'The export is empty.' });
    const [ticket] = await system.dataSource.query('SELECT id, number FROM tickets WHERE requester_email = $1', [sender]);
    return ticket;
  }

  /**
   * The crash point: recording the mail as received fails once for this Message-ID (a trigger in the same transaction;
   * the sequence it counts with is not rolled back, so the redelivery goes through).
   */
  async function crashOnceWhenRecording(messageId: string): Promise<() => Promise<void>> {
    const name = `crash_once_${randomBytes(4).toString('hex')}`;
    await system.dataSource.query(`CREATE SEQUENCE ${name}`);
    await system.dataSource.query(`
      CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.message_id = '${messageId}' AND nextval('${name}') = 1 THEN RAISE EXCEPTION 'simulated crash'; END IF;
        RETURN NEW;
      END $$`);
    await system.dataSource.query(`CREATE TRIGGER ${name} BEFORE INSERT ON inbound_emails FOR EACH ROW EXECUTE FUNCTION ${name}()`);
    return async () => {
      await system.dataSource.query(`DROP TRIGGER ${name} ON inbound_emails`);
      await system.dataSource.query(`DROP FUNCTION ${name}()`);
      await system.dataSource.query(`DROP SEQUENCE ${name}`);
    };
  }

  /** Sends the reply, which fails at the crash point with a temporary error, then delivers it again. */
  async function deliverAfterCrash(mail: { from: string; subject: string; text: string; messageId: string }): Promise<void> {
    const removeCrash = await crashOnceWhenRecording(mail.messageId);
    try {
      await expect(send(mail)).rejects.toMatchObject({ responseCode: 451 });
      await send(mail);
    } finally {
      await removeCrash();
    }
  }

  const newMessageId = () => `<reply-${randomBytes(4).toString('hex')}@customer.example>`;

  it('stores the reply on its ticket once, and the ticket’s workflow hears of it once', async () => {
    const sender = uniqueAddress('crash');
    const ticket = await ticketOpenedByMail(sender, 'Export empty');
    const messageId = newMessageId();

    await deliverAfterCrash({ from: sender, subject: `Re: Export empty [#${ticket.number}]`, text: 'Still empty today.', messageId });

    const messages = await system.dataSource.query('SELECT id, author_type, body FROM ticket_messages WHERE ticket_id = $1', [ticket.id]);
    expect(messages).toEqual([{ id: expect.any(String), author_type: 'customer', body: 'Still empty today.' }]);
    const replied = await system.dataSource.query(
      `SELECT data->>'messageId' AS "messageId" FROM ticket_events WHERE ticket_id = $1 AND type = 'customer_replied'`,
      [ticket.id],
    );
    expect(replied).toEqual([{ messageId: messages[0].id }]);
    expect(await system.dataSource.query('SELECT ticket_id, ticket_message_id FROM inbound_emails WHERE message_id = $1', [messageId])).toEqual([
      { ticket_id: ticket.id, ticket_message_id: messages[0].id },
    ]);
  });

  it('opens one follow-up for a reply to a closed ticket, with the reply as its description only', async () => {
    const sender = uniqueAddress('closed');
    const ticket = await ticketOpenedByMail(sender, 'Old trouble');
    for (const status of ['SOLVED', 'CLOSED']) {
      expect((await system.graphql(CHANGE_STATUS, { input: { ticketId: ticket.id, status } }, agent)).errors).toBeUndefined();
    }
    const messageId = newMessageId();

    await deliverAfterCrash({ from: sender, subject: `Re: Old trouble [#${ticket.number}]`, text: 'It is back.', messageId });

    const followUps = await system.dataSource.query('SELECT id, description FROM tickets WHERE follow_up_of = $1', [ticket.id]);
    expect(followUps).toEqual([{ id: expect.any(String), description: 'It is back.' }]);
    expect(await system.dataSource.query('SELECT id FROM ticket_messages WHERE ticket_id = ANY($1)', [[ticket.id, followUps[0].id]])).toEqual([]);
    expect(await system.dataSource.query('SELECT ticket_id, ticket_message_id FROM inbound_emails WHERE message_id = $1', [messageId])).toEqual([
      { ticket_id: followUps[0].id, ticket_message_id: null },
    ]);
  });
});
