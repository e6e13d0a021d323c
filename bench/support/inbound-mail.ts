import { createTransport } from 'nodemailer';

/**
 * A customer's mail server on loopback: one SMTP connection delivering to the API's inbound listener. Resolves when the
 * listener accepted the mail (250), rejects with the SMTP reply code otherwise.
 */
export function inboundMailer(port: number) {
  const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, pool: true, maxConnections: 1 });
  return {
    send: async (mail: { from: string; subject: string; text: string }) => {
      await transport.sendMail({ to: 'support@example.com', ...mail });
    },
    close: () => transport.close(),
  };
}
