import { Inject, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { attachmentContentStream } from '../../../libs/db/attachment-content.js';
import { EmailAttachmentEntity } from '../../../libs/db/entities/email-attachment.entity.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { userError } from '../common/user-error.js';
import { TicketsService } from '../tickets/tickets.service.js';
import { safeAttachmentFilename } from './attachment-filename.js';
import { ATTACHMENT_SCANNER, type AttachmentScanner, type ScannedAttachment } from './attachment-scanner.js';

/** A file as the upload route received it (multer's in-memory file, bounded by EMAIL_MAX_ATTACHMENT_BYTES). */
export interface UploadedFile {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
}

/** Refusal reasons a client can branch on (`extensions.reason`, or `reason` in an HTTP route's JSON). */
export const ATTACHMENT_REFUSALS = {
  tooLarge: 'ATTACHMENT_TOO_LARGE',
  missingFile: 'ATTACHMENT_FILE_MISSING',
  blockedByScan: 'ATTACHMENT_BLOCKED_BY_SCAN',
} as const;

/** Files on tickets: agents' uploads (scanned, then stored until a reply sends them) and downloads of any of them. */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tickets: TicketsService,
    @Inject(ATTACHMENT_SCANNER) private readonly scanner: AttachmentScanner,
  ) {}

  /**
   * Scans and stores an upload on the ticket; `replyToTicket(input: { attachmentIds })` then sends it. The ticket is
   * checked before `receive` reads the request's body, so a refused upload costs no transfer.
   */
  async upload(ticketId: string, receive: () => Promise<UploadedFile>, caller: AuthenticatedUser): Promise<EmailAttachmentEntity> {
    await this.readableTicket(ticketId, caller);
    const file = await receive();
    const attachment = this.dataSource.getRepository(EmailAttachmentEntity).create({
      id: randomUUID(),
      ticketId,
      inboundMessageId: null,
      uploadedBy: caller.id,
      sentWithMessageId: null,
      filename: safeAttachmentFilename(file.originalname),
      contentType: file.mimetype || 'application/octet-stream',
      sizeBytes: file.buffer.length,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      content: file.buffer,
    });
    const verdict = await this.scanner.scan(scanned(attachment, 'upload', () => Readable.from([file.buffer])));
    if (!verdict.clean) {
      throw userError('BAD_USER_INPUT', `The file was refused by the virus scan: ${verdict.reason}`, { reason: ATTACHMENT_REFUSALS.blockedByScan });
    }
    const saved = await this.dataSource.getRepository(EmailAttachmentEntity).save(attachment);
    saved.content = Buffer.alloc(0); // the caller answers with metadata only; the bytes need not travel further
    return saved;
  }

  /** The attachment's facts and its bytes as a stream, for whoever may read its ticket, once the scanner passed it. */
  async openDownload(attachmentId: string, caller: AuthenticatedUser): Promise<{ attachment: EmailAttachmentEntity; content: Readable }> {
    if (!isUUID(attachmentId)) throw userError('BAD_USER_INPUT', 'id must be an attachment id (a UUID).');
    const attachment = await this.dataSource.getRepository(EmailAttachmentEntity).findOneBy({ id: attachmentId });
    if (!attachment) throw userError('NOT_FOUND', `There is no attachment ${attachmentId}.`);
    await this.readableTicket(attachment.ticketId, caller);
    const content = () => attachmentContentStream(this.dataSource, attachment.id, attachment.sizeBytes);
    const verdict = await this.scanner.scan(scanned(attachment, 'download', content));
    if (!verdict.clean) {
      throw userError('FORBIDDEN', `The file was blocked by the virus scan: ${verdict.reason}`, { reason: ATTACHMENT_REFUSALS.blockedByScan });
    }
    return { attachment, content: content() };
  }

  /** Whoever may open the ticket through `ticket(id:)` may read and add its files (NOT_FOUND for one they cannot see). */
  private async readableTicket(ticketId: string, caller: AuthenticatedUser): Promise<void> {
    await this.tickets.get(ticketId, caller);
  }
}

function scanned(attachment: EmailAttachmentEntity, purpose: ScannedAttachment['purpose'], content: () => Readable): ScannedAttachment {
  const { ticketId, filename, contentType, sizeBytes, sha256 } = attachment;
  return { purpose, ticketId, filename, contentType, sizeBytes, sha256, content };
}
