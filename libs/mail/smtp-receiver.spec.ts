import { once } from 'node:events';
import { connect } from 'node:net';
import { createTransport } from 'nodemailer';
import { selfSignedCertificate, type SelfSignedCertificate } from '../../test/support/self-signed-certificate.js';
import { startSmtpReceiver, type ReceivedMail, type SmtpReceiver } from './smtp-receiver.js';

describe('smtp receiver with STARTTLS required', () => {
  let certificate: SelfSignedCertificate;
  let receiver: SmtpReceiver;
  const received: ReceivedMail[] = [];

  beforeAll(async () => {
    certificate = selfSignedCertificate();
    receiver = await startSmtpReceiver({
      host: '127.0.0.1',
      port: 0,
      maxMessageBytes: 1024 * 1024,
      tls: { cert: certificate.cert, key: certificate.key, required: true },
      onMail: async (mail) => void received.push(mail),
    });
  });
  afterAll(async () => {
    await receiver.close();
    certificate.remove();
  });

  const send = (options: { ignoreTLS: boolean }, subject: string) => {
    const transport = createTransport({
      host: '127.0.0.1',
      port: receiver.port,
      secure: false,
      ...options,
      tls: { ca: certificate.cert, servername: 'localhost' },
    });
    return transport.sendMail({ from: 'ana@customer.example', to: 'support@example.com', subject, text: 'Hi' }).finally(() => transport.close());
  };

  it('refuses MAIL FROM on a plain-text connection', async () => {
    await expect(send({ ignoreTLS: true }, 'plain')).rejects.toMatchObject({ responseCode: 530, response: expect.stringContaining('STARTTLS') });
    expect(received.map((mail) => mail.parsed.subject)).not.toContain('plain');
  });

  it('takes the mail after STARTTLS with the given certificate and tells the handler the connection was secure', async () => {
    await send({ ignoreTLS: false }, 'encrypted');
    expect(received.find((mail) => mail.parsed.subject === 'encrypted')?.connection).toEqual({
      remoteAddress: '127.0.0.1',
      authenticatedUser: null,
      secure: true,
    });
  });
});

describe('smtp receiver and a sender that drops its connection mid-transaction', () => {
  let receiver: SmtpReceiver;
  const received: ReceivedMail[] = [];

  beforeAll(async () => {
    receiver = await startSmtpReceiver({ host: '127.0.0.1', port: 0, maxMessageBytes: 1024 * 1024, onMail: async (mail) => void received.push(mail) });
  });
  afterAll(() => receiver.close());

  // A sender killed (or reset) inside a transaction makes the connection fail with ECONNRESET: that must not take the
  // process hosting the receiver (the API's inbound listener, the dev outbox) down with it.
  it('stays up and takes the next mail', async () => {
    const socket = connect(receiver.port, '127.0.0.1');
    await once(socket, 'data'); // the greeting
    socket.write('EHLO sender.example\r\nMAIL FROM:<ana@customer.example>\r\nRCPT TO:<support@example.com>\r\nDATA\r\nSubject: cut off\r\n');
    await once(socket, 'data');
    socket.resetAndDestroy();

    const transport = createTransport({ host: '127.0.0.1', port: receiver.port, secure: false, ignoreTLS: true });
    await transport.sendMail({ from: 'ana@customer.example', to: 'support@example.com', subject: 'after the reset', text: 'Hi' }).finally(() => transport.close());
    expect(received.map((mail) => mail.parsed.subject)).toEqual(['after the reset']);
  });
});
