import { Logger } from '@nestjs/common';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { senderAuthentication, senderAuthenticationFailure, type SenderAuthentication } from '../../../libs/mail/sender-authentication.js';
import { MailRejection, type ReceivedMail } from '../../../libs/mail/smtp-receiver.js';

const logger = new Logger('InboundMail');

/**
 * The relay's SPF and DMARC verdicts on a mail, as far as they are believed: its headers count only when the relay
 * logged in with AUTH or connects from INBOUND_TRUSTED_RELAYS (anyone else could write them); otherwise both are null.
 * A mail whose DMARC check, or SPF check when INBOUND_REFUSE_SPF_FAIL is on, failed is refused (SMTP 550, before any
 * ticket or customer is written), and the refusal logged.
 */
export function checkSenderAuthentication(mail: ReceivedMail, config: AppConfig): SenderAuthentication {
  const { connection } = mail;
  const relayTrusted = connection.authenticatedUser !== null || config.inboundTrustedRelays.includes(connection.remoteAddress);
  if (!relayTrusted) return { spf: null, dmarc: null };
  const verdicts = senderAuthentication(mail.headers);
  const failure = senderAuthenticationFailure(verdicts, config.inboundRefuseSpfFail);
  if (!failure) return verdicts;
  const from = mail.parsed.from?.text ?? mail.envelopeFrom;
  logger.warn(`refused a mail from "${from}" (relay ${connection.authenticatedUser ?? connection.remoteAddress}): ${failure}`);
  throw new MailRejection(550, `${failure} for the sender of this mail; it was not accepted.`);
}
