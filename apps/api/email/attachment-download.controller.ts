import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { AuthenticatedRequest } from '../auth/request-of.js';
import { Roles } from '../auth/roles.decorator.js';
import { safeAttachmentFilename } from './attachment-filename.js';
import { AttachmentsService } from './attachments.service.js';
import { ATTACHMENT_READERS } from './email.roles.js';

/** The name a download gets when the file came without one. */
const UNNAMED_FILE = 'attachment';

/**
 * `GET /attachments/:id` (bearer token as for GraphQL): the file's bytes, streamed from PostgreSQL slice by slice, with
 * its content type and size. Always `attachment` (never shown inline), `nosniff` and a sandboxing CSP: the API serves
 * the web console on the same origin, and a customer's HTML file must not run there. Refusals are JSON
 * `{ code, message }` (e.g. 404 NOT_FOUND, 403 FORBIDDEN with reason ATTACHMENT_BLOCKED_BY_SCAN).
 */
@Controller('attachments')
export class AttachmentDownloadController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Roles(...ATTACHMENT_READERS)
  @Get(':id')
  async download(@Param('id') id: string, @Req() request: AuthenticatedRequest, @Res() response: Response): Promise<void> {
    const { attachment, content } = await this.attachments.openDownload(id, request.user!);
    // Inbound names are stored as the sender wrote them: cleaned here. Express then writes `filename="…"` with an
    // ASCII fallback and `filename*=UTF-8''…` for the exact name.
    response.attachment(safeAttachmentFilename(attachment.filename) ?? UNNAMED_FILE);
    response.setHeader('Content-Type', attachment.contentType);
    response.setHeader('Content-Length', String(attachment.sizeBytes));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    response.setHeader('Cache-Control', 'private, no-store');
    // A failure mid-way (or a client that goes away) ends the connection: the short body tells the client it failed.
    await pipeline(content, response).catch(() => response.destroy());
  }
}
