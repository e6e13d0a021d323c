import { randomBytes, createHash } from 'node:crypto';
import { awaitMail, outboxFor } from '../support/dev-outbox.js';
import { sendToInbound } from '../support/send-mail.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const MAX_ATTACHMENT_BYTES = 4096;

const TICKETS_OF = `query($email: String!) { tickets(filter: { requesterEmail: $email }, first: 20) { edges { node { id number subject description channel status } } } }`;
const MESSAGES = `query($id: ID!) { ticket(id: $id) { status messages { body authorType } } }`;
const REPLY = `mutation($input: ReplyToTicketInput!) { replyToTicket(input: $input) { id } }`;
const ATTACHMENTS = `query($id: ID!) { ticketAttachments(ticketId: $id) { filename contentType sizeBytes sha256 messageId } }`;

describe('email in and out over real SMTP', () => {
  let system: TestSystem;
  let admin: string;
  let agent: string;

  beforeAll(async () => {
    system = await startTestSystem({ maxAttachmentBytes: MAX_ATTACHMENT_BYTES });
    ({ token: admin } = await system.signIn(['admin']));
    ({ token: agent } = await system.signIn(['agent']));
  });
  afterAll(() => system.stop());

  const uniqueAddress = (name: string) => `${name}-${randomBytes(3).toString('hex')}@customer.example`;
  const send = (mail: Parameters<typeof sendToInbound>[1]) => sendToInbound(system.inboundSmtpPort, mail);

  async function ticketsOf(email: string) {
    const { data, errors } = await system.graphql(TICKETS_OF, { email }, agent);
    expect(errors).toBeUndefined();
    return data!.tickets.edges.map((edge: { node: Record<string, string> }) => edge.node);
  }

  async function messagesOf(ticketId: string): Promise<Array<{ body: string; authorType: string }>> {
    return (await system.graphql(MESSAGES, { id: ticketId }, agent)).data!.ticket.messages;
  }

  /** A new mail from `sender`; returns its ticket and the acknowledgment the customer got. */
  async function openByMail(sender: string, subject: string) {
    await send({ from: `Ana Customer <${sender.toUpperCase()}>`, subject, text: 'The login page says my password is wrong.' });
    const [ticket] = await ticketsOf(sender);
    const acknowledgment = await awaitMail(system, admin, sender, (mail) => mail.subject.startsWith('We received your request'));
    return { ticket, acknowledgment };
  }

  it('turns a new mail into an email ticket, creates its customer, and acknowledges it to the customer', async () => {
    const sender = uniqueAddress('new');
    const { ticket, acknowledgment } = await openByMail(sender, 'Cannot sign in');

    expect(ticket).toMatchObject({ subject: 'Cannot sign in', description: 'The login page says my password is wrong.', channel: 'EMAIL' });
    const [customer] = await system.dataSource.query('SELECT id, email, name FROM customers WHERE email = $1', [sender]);
    expect(customer).toMatchObject({ email: sender, name: 'Ana Customer' });
    const [row] = await system.dataSource.query('SELECT customer_id FROM tickets WHERE id = $1', [ticket.id]);
    expect(row.customer_id).toBe(customer.id);
    expect(acknowledgment).toMatchObject({ from: 'support@example.com', to: [sender], subject: `We received your request: Cannot sign in [#${ticket.number}]` });
    expect(acknowledgment.text).toContain(`ticket #${ticket.number}`);
    expect(acknowledgment.headers['auto-submitted']).toBe('auto-generated');
  });

  it('threads a reply by In-Reply-To, and by the [#number] in the subject from the same customer, onto the same ticket', async () => {
    const sender = uniqueAddress('thread');
    const { ticket, acknowledgment } = await openByMail(sender, 'Printer jammed');

    await send({ from: sender, subject: 'Re: anything', text: 'Still jammed.', inReplyTo: acknowledgment.messageId!, references: [acknowledgment.messageId!] });
    await send({ from: sender, subject: `Re: Printer jammed [#${ticket.number}]`, text: 'And now it smokes.' });

    expect(await ticketsOf(sender)).toHaveLength(1);
    expect(await messagesOf(ticket.id)).toEqual([
      { body: 'Still jammed.', authorType: 'customer' },
      { body: 'And now it smokes.', authorType: 'customer' },
    ]);
  });

  it('opens a new ticket for a stranger who quotes someone else’s ticket number', async () => {
    const { ticket } = await openByMail(uniqueAddress('owner'), 'Private matter');
    const stranger = uniqueAddress('stranger');

    await send({ from: stranger, subject: `Re: [#${ticket.number}]`, text: 'Let me in.' });

    expect(await messagesOf(ticket.id)).toEqual([]);
    expect(await ticketsOf(stranger)).toEqual([expect.objectContaining({ subject: `Re: [#${ticket.number}]` })]);
  });

  it('mails an agent’s public reply to the customer, threaded on the customer’s mail; a note stays inside', async () => {
    const sender = uniqueAddress('reply');
    const firstMessageId = `<first-${randomBytes(4).toString('hex')}@customer.example>`;
    await send({ from: sender, subject: 'Refund please', text: 'Order 42.', messageId: firstMessageId });
    const [ticket] = await ticketsOf(sender);

    expect((await system.graphql(REPLY, { input: { ticketId: ticket.id, body: 'Internal: check order 42', public: false } }, agent)).errors).toBeUndefined();
    expect((await system.graphql(REPLY, { input: { ticketId: ticket.id, body: 'Refunded <today> & done.', public: true } }, agent)).errors).toBeUndefined();

    const reply = await awaitMail(system, admin, sender, (mail) => mail.subject.startsWith('Re: Refund please'));
    expect(reply.subject).toBe(`Re: Refund please [#${ticket.number}]`);
    expect(reply.text).toContain('Refunded <today> & done.');
    expect(reply.html).toContain('Refunded &lt;today&gt; &amp; done.');
    expect(reply.headers['in-reply-to']).toBe(firstMessageId);
    expect(reply.headers['auto-submitted']).toBeUndefined();
    const everything = await outboxFor(system, admin, sender);
    expect(everything.some((mail) => mail.text.includes('Internal: check order 42'))).toBe(false);
  });

  it('answers no auto-reply: an out-of-office reply neither opens a ticket nor adds to one, and gets nothing back', async () => {
    const sender = uniqueAddress('away');
    const { ticket, acknowledgment } = await openByMail(sender, 'Question before my holiday');
    const outboxBefore = (await outboxFor(system, admin, sender)).length;

    await send({
      from: sender,
      subject: 'Out of office',
      text: 'I am away until Monday.',
      inReplyTo: acknowledgment.messageId!,
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    await send({ from: sender, subject: 'Newsletter', text: 'Our news.', headers: { Precedence: 'bulk' } });
    await send({ from: 'MAILER-DAEMON@mx.customer.example', subject: 'Undelivered Mail Returned to Sender', text: 'It bounced.' });
    // The next person's mail is processed after these: were they going to produce anything, it would be there by now.
    await openByMail(uniqueAddress('later'), 'After the auto-replies');

    expect(await ticketsOf(sender)).toHaveLength(1);
    expect(await messagesOf(ticket.id)).toEqual([]);
    expect(await ticketsOf('mailer-daemon@mx.customer.example')).toEqual([]);
    expect(await outboxFor(system, admin, sender)).toHaveLength(outboxBefore);
  });

  it('stores an attachment with its metadata and bytes', async () => {
    const sender = uniqueAddress('files');
    const content = Buffer.from('%PDF-1.4 a small invoice');
    await send({ from: sender, subject: 'Invoice attached', text: 'See the file.', attachments: [{ filename: 'invoice.pdf', content, contentType: 'application/pdf' }] });
    const [ticket] = await ticketsOf(sender);

    const { data, errors } = await system.graphql(ATTACHMENTS, { id: ticket.id }, agent);
    expect(errors).toBeUndefined();
    expect(data!.ticketAttachments).toEqual([
      expect.objectContaining({ filename: 'invoice.pdf', contentType: 'application/pdf', sizeBytes: content.length, sha256: createHash('sha256').update(content).digest('hex') }),
    ]);
    const [stored] = await system.dataSource.query('SELECT content FROM email_attachments WHERE ticket_id = $1', [ticket.id]);
    expect(Buffer.compare(stored.content, content)).toBe(0);
  });

  it('refuses a mail with an oversized attachment with SMTP 552, keeping nothing of it', async () => {
    const sender = uniqueAddress('big');
    const sending = send({
      from: sender,
      subject: 'Huge log',
      text: 'Attached.',
      attachments: [{ filename: 'huge.log', content: Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 'x') }],
    });

    await expect(sending).rejects.toMatchObject({ responseCode: 552 });
    expect(await ticketsOf(sender)).toEqual([]);
    expect(await system.dataSource.query('SELECT 1 FROM customers WHERE email = $1', [sender])).toEqual([]);
  });

  it('takes a redelivered mail (same Message-ID) once', async () => {
    const sender = uniqueAddress('twice');
    const mail = { from: sender, subject: 'Sent twice', text: 'Hello.', messageId: `<twice-${randomBytes(4).toString('hex')}@customer.example>` };

    await send(mail);
    await send(mail);

    expect(await ticketsOf(sender)).toHaveLength(1);
  });

  it('refuses mail for an address that is not a support address with 550', async () => {
    await expect(send({ to: 'someone-else@example.com', from: uniqueAddress('lost'), subject: 'Hi', text: 'Hi' })).rejects.toMatchObject({ responseCode: 550 });
  });
});
