import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/** A mail as it arrived: the SMTP envelope and the parsed MIME message. */
export interface ReceivedMail {
  /** MAIL FROM; an empty string is the null sender `<>` of bounces. */
  envelopeFrom: string;
  envelopeTo: string[];
  parsed: ParsedMail;
  /** Header values by lower-cased name (the first of repeated headers), as written. */
  headers: Record<string, string>;
  /** Who handed the mail over. */
  connection: MailConnection;
}

export interface MailConnection {
  /** The peer's IP address (an IPv4-mapped IPv6 address as plain IPv4). */
  remoteAddress: string;
  /** The AUTH user name, null when the client did not authenticate. */
  authenticatedUser: string | null;
  /** Whether the connection was upgraded with STARTTLS. */
  secure: boolean;
}

/** STARTTLS with this certificate (PEM); `required` refuses MAIL FROM on a connection still in plain text. */
export interface SmtpTlsOptions {
  cert: Buffer;
  key: Buffer;
  required: boolean;
}

/** Refuses a mail with an SMTP reply code (e.g. 552 for a size limit); the sender gets the message. */
export class MailRejection extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
  }
}

export interface SmtpReceiverOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Advertised with SIZE; a larger message is refused with 552. */
  maxMessageBytes: number;
  /** A recipient refused here gets 550 at RCPT TO, before any data is sent. */
  acceptsRecipient?(address: string): boolean;
  /** Offers STARTTLS; unset: plain SMTP only. */
  tls?: SmtpTlsOptions;
  /**
   * Set: AUTH PLAIN/LOGIN is required before MAIL FROM and checked here (over TLS only, when `tls` is set). Unset: no
   * AUTH is offered.
   */
  authenticate?(username: string, password: string): Promise<boolean>;
  /** Throw a MailRejection to refuse the mail; any other error is a temporary failure (451), the sender retries. */
  onMail(mail: ReceivedMail): Promise<void>;
}

export interface SmtpReceiver {
  port: number;
  close(): Promise<void>;
}

/**
 * An SMTP listener (plain by default; STARTTLS and AUTH when configured, for a relay that reaches it over a network)
 * that parses each message with mailparser and hands it over; the mail is acknowledged only once the handler has
 * stored it.
 */
export async function startSmtpReceiver(options: SmtpReceiverOptions): Promise<SmtpReceiver> {
  const { tls, authenticate } = options;
  const server = new SMTPServer({
    authOptional: !authenticate,
    disabledCommands: [...(authenticate ? [] : ['AUTH']), ...(tls ? [] : ['STARTTLS'])],
    authMethods: ['PLAIN', 'LOGIN'],
    // Without TLS there is no other way to send the credentials; with it, they never travel in plain text.
    allowInsecureAuth: !tls,
    ...(tls ? { key: tls.key, cert: tls.cert } : {}),
    size: options.maxMessageBytes,
    logger: false,
    onAuth(auth, _session, callback) {
      const username = auth.username ?? '';
      // Only reached when `authenticate` is set: AUTH is disabled otherwise.
      authenticate!(username, auth.password ?? '').then(
        (valid) => (valid ? callback(null, { user: username }) : callback(smtpError(535, 'Authentication failed.'))),
        (error: unknown) => {
          console.error('smtp: a login could not be checked:', error);
          callback(smtpError(454, 'Temporary authentication failure; try again later.'));
        },
      );
    },
    onMailFrom(_address, session, callback) {
      if (tls?.required && !session.secure) {
        callback(smtpError(530, 'Must issue a STARTTLS command first.'));
        return;
      }
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (options.acceptsRecipient && !options.acceptsRecipient(address.address)) {
        callback(smtpError(550, `No mailbox here by the name ${address.address}.`));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      receive(stream, session, options).then(() => callback(), (error: unknown) => callback(asSmtpError(error)));
    },
  });
  // A sender whose connection drops mid-transaction (reset, killed) is reported as a server 'error': unheard, it would
  // be an uncaught exception that takes the whole process (the API, the dev outbox's host) down.
  server.on('error', (error: Error) => console.warn(`smtp: a connection failed: ${error.message}`));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function receive(stream: SMTPServerDataStream, session: SMTPServerSession, options: SmtpReceiverOptions): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  if (stream.sizeExceeded) throw new MailRejection(552, `Message exceeds the size limit of ${options.maxMessageBytes} bytes.`);
  const parsed = await simpleParser(Buffer.concat(chunks));
  const headers: Record<string, string> = {};
  for (const { key, line } of parsed.headerLines) headers[key] ??= line.slice(line.indexOf(':') + 1).trim();
  const { mailFrom, rcptTo } = session.envelope;
  await options.onMail({
    envelopeFrom: mailFrom ? mailFrom.address : '',
    envelopeTo: rcptTo.map((recipient) => recipient.address),
    parsed,
    headers,
    connection: {
      remoteAddress: session.remoteAddress.replace(/^::ffff:(?=\d+\.)/, ''),
      authenticatedUser: typeof session.user === 'string' ? session.user : null,
      secure: session.secure,
    },
  });
}

function smtpError(responseCode: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode });
}

function asSmtpError(error: unknown): Error {
  if (error instanceof MailRejection) return smtpError(error.responseCode, error.message);
  console.error('smtp: a mail could not be stored:', error);
  return smtpError(451, 'The mail could not be stored; try again later.');
}
