import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';

/** What a scanner is shown: the file's facts, and its bytes as a stream to read only if it needs them. */
export interface ScannedAttachment {
  /** `upload`: an agent is adding it to a ticket; `download`: someone is about to receive it. */
  purpose: 'upload' | 'download';
  ticketId: string;
  filename: string | null;
  contentType: string;
  sizeBytes: number;
  /** Hex SHA-256 of the bytes, for scanners that look files up by hash. */
  sha256: string;
  content(): Readable;
}

export type ScanVerdict = { clean: true } | { clean: false; reason: string };

/**
 * The virus-scan hook: every upload is shown to it before it is stored, every file before it is downloaded (so
 * inbound mail's files are judged by the signatures of the day they are opened). A refusal blocks the upload or the
 * download with the scanner's reason.
 */
export interface AttachmentScanner {
  scan(attachment: ScannedAttachment): Promise<ScanVerdict>;
}

/** The DI token; EmailModule provides NoAttachmentScanner under it. */
export const ATTACHMENT_SCANNER = Symbol('AttachmentScanner');

/** The default: no scanning, every file passes. Provide your own AttachmentScanner (e.g. clamd's INSTREAM) instead. */
@Injectable()
export class NoAttachmentScanner implements AttachmentScanner {
  async scan(): Promise<ScanVerdict> {
    return { clean: true };
  }
}
