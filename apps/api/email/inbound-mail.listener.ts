import type { INestApplication } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { startSmtpReceiver, type SmtpReceiver } from '../../../libs/mail/smtp-receiver.js';
import { relayUserAuthenticator } from './inbound-mail-relay-users.js';
import { checkSenderAuthentication } from './inbound-mail-sender-check.js';
import { InboundMailService } from './inbound-mail.service.js';

/**
 * The SMTP listener for the support addresses, in the API process (it creates tickets the API's way). Started by
 * whoever serves the API, after it listens, and closed before it; building the app alone (e.g. for the schema) opens
 * no port.
 */
export function listenForInboundMail(app: INestApplication, config: AppConfig): Promise<SmtpReceiver> {
  const inbound = app.get(InboundMailService);
  const { inboundTls: tls } = config;
  return startSmtpReceiver({
    host: config.inboundSmtpHost,
    port: config.inboundSmtpPort,
    maxMessageBytes: config.inboundMaxMessageBytes,
    tls: tls && { cert: readFileSync(tls.certPath), key: readFileSync(tls.keyPath), required: tls.required },
    authenticate: Object.keys(config.inboundSmtpUsers).length > 0 ? relayUserAuthenticator(config.inboundSmtpUsers) : undefined,
    acceptsRecipient: (address) => inbound.acceptsRecipient(address),
    onMail: async (mail) => {
      await inbound.receive(mail, checkSenderAuthentication(mail, config));
    },
  });
}
