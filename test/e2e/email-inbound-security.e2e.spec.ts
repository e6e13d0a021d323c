import { randomBytes } from 'node:crypto';
import { createTransport, type SendMailOptions } from 'nodemailer';
import { hashPassword } from '../../apps/api/auth/password-hasher.js';
import { selfSignedCertificate, type SelfSignedCertificate } from '../support/self-signed-certificate.js';
import { REPLY } from '../support/sla.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { newTicket } from '../support/tickets.js';

const RELAY_USER = 'relay';
const RELAY_PASSWORD = 'relay-secret-password';
const ticketsOfQuery = (fields: string) => `query($email: String!) { tickets(filter: { requesterEmail: $email }, first: 5) { edges { node { ${fields} } } } }`;

describe('inbound mail security: STARTTLS, relay AUTH, DMARC from the relay', () => {
  let system: TestSystem;
  let agent: string;
  let certificate: SelfSignedCertificate;

  beforeAll(async () => {
    certificate = selfSignedCertificate();
    system = await startTestSystem({
      inboundTls: { certPath: certificate.certPath, keyPath: certificate.keyPath, required: true },
      inboundSmtpUsers: { [RELAY_USER]: await hashPassword(RELAY_PASSWORD) },
    });
    ({ token: agent } = await system.signIn(['agent']));
  });
  afterAll(async () => {
    await system.stop();
    certificate.remove();
  });

  const uniqueAddress = (name: string) => `${name}-${randomBytes(3).toString('hex')}@customer.example`;

  /** Sends as the relay would: STARTTLS checked against the test's certificate, then AUTH unless `auth` is null. */
  async function sendOverTls(mail: SendMailOptions, auth: { user: string; pass: string } | null = { user: RELAY_USER, pass: RELAY_PASSWORD }) {
    const transport = createTransport({
      host: '127.0.0.1',
      port: system.inboundSmtpPort,
      secure: false,
      requireTLS: true,
      tls: { ca: certificate.cert, servername: 'localhost' },
      ...(auth ? { auth } : {}),
    });
    try {
      await transport.sendMail({ to: 'support@example.com', text: 'Hello.', ...mail });
    } finally {
      transport.close();
    }
  }

  async function ticketsOf(email: string, fields = 'subject channel') {
    const { data, errors } = await system.graphql(ticketsOfQuery(fields), { email }, agent);
    expect(errors).toBeUndefined();
    return data!.tickets.edges.map((edge: { node: Record<string, unknown> }) => edge.node);
  }

  async function customerExists(email: string): Promise<boolean> {
    return (await system.dataSource.query('SELECT 1 FROM customers WHERE email = $1', [email])).length > 0;
  }

  it('takes mail from the authenticated relay over STARTTLS with the configured certificate', async () => {
    const sender = uniqueAddress('relayed');
    await sendOverTls({ from: sender, subject: 'Over TLS' });
    expect(await ticketsOf(sender)).toEqual([{ subject: 'Over TLS', channel: 'EMAIL' }]);
  });

  it('does not take the relay password, or mail, on a connection that did not STARTTLS', async () => {
    const sender = uniqueAddress('plain');
    const transport = createTransport({
      host: '127.0.0.1',
      port: system.inboundSmtpPort,
      secure: false,
      ignoreTLS: true,
      auth: { user: RELAY_USER, pass: RELAY_PASSWORD },
    });
    try {
      await expect(transport.sendMail({ from: sender, to: 'support@example.com', subject: 'Plain', text: 'Hi' })).rejects.toMatchObject({ responseCode: 538 });
    } finally {
      transport.close();
    }
    expect(await ticketsOf(sender)).toEqual([]);
  });

  it('requires AUTH, and refuses a wrong password', async () => {
    const sender = uniqueAddress('no-auth');
    await expect(sendOverTls({ from: sender, subject: 'No auth' }, null)).rejects.toMatchObject({ responseCode: 530 });
    await expect(sendOverTls({ from: sender, subject: 'Bad password' }, { user: RELAY_USER, pass: 'wrong' })).rejects.toMatchObject({ responseCode: 535 });
    await expect(sendOverTls({ from: sender, subject: 'Unknown user' }, { user: 'stranger', pass: RELAY_PASSWORD })).rejects.toMatchObject({ responseCode: 535 });
    expect(await ticketsOf(sender)).toEqual([]);
  });

  it('refuses with 550 a mail the relay reports failing DMARC, leaving no ticket or customer', async () => {
    const sender = uniqueAddress('spoofed');
    const headers = { 'Authentication-Results': 'mx.relay.example; spf=pass smtp.mailfrom=customer.example; dmarc=fail (p=reject) header.from=customer.example' };
    await expect(sendOverTls({ from: sender, subject: 'Spoofed', headers })).rejects.toMatchObject({ responseCode: 550 });
    expect(await ticketsOf(sender)).toEqual([]);
    expect(await customerExists(sender)).toBe(false);
  });

  it('accepts a mail the relay reports passing DMARC, and keeps the verdicts on the ticket it opens and on the message a reply adds', async () => {
    const sender = uniqueAddress('genuine');
    const headers = { 'Authentication-Results': 'mx.relay.example; spf=pass smtp.mailfrom=customer.example; dmarc=pass header.from=customer.example' };
    const messageId = `<${randomBytes(6).toString('hex')}@customer.example>`;
    await sendOverTls({ from: sender, subject: 'Genuine', headers, messageId });
    expect(await ticketsOf(sender)).toEqual([{ subject: 'Genuine', channel: 'EMAIL' }]);
    expect(await customerExists(sender)).toBe(true);

    // The customer's reply, with other verdicts (SPF from Received-SPF, no DMARC result), then an agent's reply.
    await sendOverTls({ from: sender, subject: 'Re: Genuine', inReplyTo: messageId, headers: { 'Received-SPF': 'softfail (customer.example: transitioning)' } });
    const [{ id }] = await ticketsOf(sender, 'id');
    expect((await system.graphql(REPLY, { input: { ticketId: id, body: 'We are on it.', public: true } }, agent)).errors).toBeUndefined();

    expect(await ticketsOf(sender, 'mailAuthentication { spf dmarc } messages { authorType mailAuthentication { spf dmarc } }')).toEqual([
      {
        mailAuthentication: { spf: 'pass', dmarc: 'pass' },
        messages: [
          { authorType: 'customer', mailAuthentication: { spf: 'softfail', dmarc: null } },
          { authorType: 'agent', mailAuthentication: null },
        ],
      },
    ]);
    // A ticket not opened by mail has none.
    const created = await system.graphql(`mutation($input: CreateTicketInput!) { createTicket(input: $input) { mailAuthentication { spf } } }`, { input: newTicket() }, agent);
    expect(created).toEqual({ data: { createTicket: { mailAuthentication: null } } });
  });
});
