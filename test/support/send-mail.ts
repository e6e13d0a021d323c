import { createTransport, type SendMailOptions } from 'nodemailer';

/** Sends a mail over real SMTP to the API's inbound listener, as a customer's mail server would. */
export async function sendToInbound(port: number, mail: SendMailOptions): Promise<void> {
  const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ to: 'support@example.com', ...mail });
  } finally {
    transport.close();
  }
}
