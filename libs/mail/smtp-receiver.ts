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
  /** Throw a MailRejection to refuse the mail; any other error is a temporary failure (451), the sender retries. */
  onMail(mail: ReceivedMail): Promise<void>;
}

export interface SmtpReceiver {
  port: number;
  close(): Promise<void>;
}

/**
 * A plain SMTP listener (no AUTH, no TLS: it sits behind the organisation's mail relay, or on localhost) that parses
 * each message with mailparser and hands it over; the mail is acknowledged only once the handler has stored it.
 */
export async function startSmtpReceiver(options: SmtpReceiverOptions): Promise<SmtpReceiver> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: options.maxMessageBytes,
    logger: false,
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
