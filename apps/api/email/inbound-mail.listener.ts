import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { startSmtpReceiver, type SmtpReceiver } from '../../../libs/mail/smtp-receiver.js';
import { InboundMailService } from './inbound-mail.service.js';

/**
 * The SMTP listener for the support addresses, in the API process (it creates tickets the API's way). Started by
 * whoever serves the API, after it listens, and closed before it; building the app alone (e.g. for the schema) opens
 * no port.
 */
export function listenForInboundMail(app: INestApplication, config: AppConfig): Promise<SmtpReceiver> {
  const inbound = app.get(InboundMailService);
  return startSmtpReceiver({
    host: config.inboundSmtpHost,
    port: config.inboundSmtpPort,
    maxMessageBytes: config.inboundMaxMessageBytes,
    acceptsRecipient: (address) => inbound.acceptsRecipient(address),
    onMail: (mail) => inbound.receive(mail),
  });
}
