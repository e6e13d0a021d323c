import { Controller, HttpCode, HttpStatus, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import multer from 'multer';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { APP_CONFIG } from '../app-config.token.js';
import type { AuthenticatedRequest } from '../auth/request-of.js';
import { Roles } from '../auth/roles.decorator.js';
import { userError } from '../common/user-error.js';
import { ATTACHMENT_REFUSALS, AttachmentsService, type UploadedFile } from './attachments.service.js';
import { ATTACHMENT_UPLOADERS } from './email.roles.js';

/** The multipart field that carries the file. */
const FILE_FIELD = 'file';

/**
 * `POST /tickets/:ticketId/attachments` (bearer token as for GraphQL), `multipart/form-data` with one file in the field
 * `file`: scans and stores it, answers 201 `{ id, filename, contentType, sizeBytes, sha256 }`; `replyToTicket` sends it
 * with `attachmentIds: [id]`. GraphQL carries no files, hence this route. Refusals are JSON `{ code, message, reason }`.
 */
@Controller('tickets')
export class AttachmentUploadController {
  constructor(
    private readonly attachments: AttachmentsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Roles(...ATTACHMENT_UPLOADERS)
  @Post(':ticketId/attachments')
  @HttpCode(HttpStatus.CREATED)
  async upload(@Param('ticketId') ticketId: string, @Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response) {
    const receive = () => this.receiveFile(request, response);
    const { id, filename, contentType, sizeBytes, sha256 } = await this.attachments.upload(ticketId, receive, request.user!);
    return { id, filename, contentType, sizeBytes, sha256 };
  }

  /**
   * Reads the one file into memory, at most EMAIL_MAX_ATTACHMENT_BYTES (the inbound mail limit): past that multer
   * stops keeping bytes and drains the rest, so memory stays bounded whatever the client sends.
   */
  private async receiveFile(request: AuthenticatedRequest, response: Response): Promise<UploadedFile> {
    const maxBytes = this.config.maxAttachmentBytes;
    const parse = multer({ storage: multer.memoryStorage(), defParamCharset: 'utf8', limits: { fileSize: maxBytes, files: 1 } }).single(FILE_FIELD);
    try {
      await new Promise<void>((resolve, reject) => parse(request, response, (error: unknown) => (error ? reject(error) : resolve())));
    } catch (error) {
      if (error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE') {
        throw userError('BAD_USER_INPUT', `The file is larger than the limit of ${maxBytes} bytes.`, { reason: ATTACHMENT_REFUSALS.tooLarge });
      }
      throw userError('BAD_USER_INPUT', `The upload is not a multipart form with one file in the field "${FILE_FIELD}": ${(error as Error).message}.`, {
        reason: ATTACHMENT_REFUSALS.missingFile,
      });
    }
    if (!request.file) {
      throw userError('BAD_USER_INPUT', `Send the file as multipart/form-data in the field "${FILE_FIELD}".`, { reason: ATTACHMENT_REFUSALS.missingFile });
    }
    return request.file;
  }
}
