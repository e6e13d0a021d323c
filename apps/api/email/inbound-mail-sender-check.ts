import { Logger } from '@nestjs/common';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { senderAuthentication, senderAuthenticationFailure } from '../../../libs/mail/sender-authentication.js';
import { MailRejection, type ReceivedMail } from '../../../libs/mail/smtp-receiver.js';

const logger = new Logger('InboundMail');

/**
 * Refuses (SMTP 550, before any ticket or customer is written) a mail whose DMARC check, or SPF check when
 * INBOUND_REFUSE_SPF_FAIL is on, failed at the relay. The relay's headers count only when the relay logged in with
 * AUTH or connects from INBOUND_TRUSTED_RELAYS: anyone else could write them. Each refusal is logged.
 */
export function refuseUnauthenticatedSender(mail: ReceivedMail, config: AppConfig): void {
  const { connection } = mail;
  const relayTrusted = connection.authenticatedUser !== null || config.inboundTrustedRelays.includes(connection.remoteAddress);
  if (!relayTrusted) return;
  const failure = senderAuthenticationFailure(senderAuthentication(mail.headers), config.inboundRefuseSpfFail);
  if (!failure) return;
  const from = mail.parsed.from?.text ?? mail.envelopeFrom;
  logger.warn(`refused a mail from "${from}" (relay ${connection.authenticatedUser ?? connection.remoteAddress}): ${failure}`);
  throw new MailRejection(550, `${failure} for the sender of this mail; it was not accepted.`);
}
