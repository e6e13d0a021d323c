import { Controller, HttpCode, HttpStatus, Inject, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import multer from 'multer';
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AppConfig } from '../../../../libs/config/app-config.js';
import { APP_CONFIG } from '../../app-config.token.js';
import type { AuthenticatedRequest } from '../../auth/request-of.js';
import { Roles } from '../../auth/roles.decorator.js';
import { userError } from '../../common/user-error.js';
import { MIGRATION_OPERATORS } from '../migration.roles.js';
import { EXPORT_FILE_EXTENSIONS, isExportFileName, safeExportFileName } from './export-file-names.js';

/** The multipart field that carries the export files (one or more). */
const FILES_FIELD = 'files';
/** An export is a few files (one per record type or stream), never a folder's worth. */
const MAX_FILES = 20;

/** Refusal reasons a client can branch on (`reason` in the JSON answer). */
export const MIGRATION_UPLOAD_REFUSALS = {
  tooLarge: 'MIGRATION_UPLOAD_TOO_LARGE',
  tooManyFiles: 'MIGRATION_UPLOAD_TOO_MANY_FILES',
  unsupportedType: 'MIGRATION_UPLOAD_UNSUPPORTED_TYPE',
  missingFile: 'MIGRATION_UPLOAD_FILE_MISSING',
} as const;

/** What the route answers for each stored file. */
export interface UploadedExportFile {
  /** The name it is stored under (sanitised). */
  name: string;
  /** The name the client sent. */
  originalName: string;
  /** The server path to pass to `startMigrationRun`'s `files`. */
  path: string;
  sizeBytes: number;
}

/**
 * `POST /migrations/uploads` (bearer token as for GraphQL; admins and migration operators), `multipart/form-data` with
 * the export's files (CSV, JSON or NDJSON) in the field `files`: stores them in a fresh folder of their own under the
 * data folder (DATA_DIR/migration-uploads/<uploadId>), each at most MIGRATION_MAX_UPLOAD_BYTES, and answers 201
 * `{ uploadId, files: [{ name, originalName, path, sizeBytes }] }`; the paths go to `startMigrationRun`, whose worker
 * reads them. GraphQL carries no files, hence this route. Refusals are JSON `{ code, message, reason }` and leave
 * nothing behind.
 */
@Controller('migrations')
export class MigrationUploadController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Roles(...MIGRATION_OPERATORS)
  @Post('uploads')
  @HttpCode(HttpStatus.CREATED)
  async upload(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response): Promise<{ uploadId: string; files: UploadedExportFile[] }> {
    const uploadId = randomUUID();
    const folder = join(resolve(this.config.dataDir), 'migration-uploads', uploadId);
    await mkdir(folder, { recursive: true });
    try {
      const files = await this.receiveFiles(request, response, folder);
      return { uploadId, files: files.map((file) => ({ name: file.filename, originalName: file.originalname, path: file.path, sizeBytes: file.size })) };
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      throw error;
    }
  }

  /** Streams the files to disk (never whole into memory), stopping at the first one over the limit. */
  private async receiveFiles(request: AuthenticatedRequest, response: Response, folder: string): Promise<Express.Multer.File[]> {
    const maxBytes = this.config.migrationMaxUploadBytes;
    const taken = new Set<string>();
    const storage = multer.diskStorage({
      destination: folder,
      filename: (_request, file, done) => {
        const name = safeExportFileName(file.originalname, taken);
        taken.add(name);
        done(null, name);
      },
    });
    const parse = multer({
      storage,
      defParamCharset: 'utf8',
      limits: { fileSize: maxBytes, files: MAX_FILES },
      fileFilter: (_request, file, accept) => {
        if (isExportFileName(file.originalname)) return accept(null, true);
        accept(
          userError('BAD_USER_INPUT', `"${file.originalname}" is not an export file the migration reads: send ${EXPORT_FILE_EXTENSIONS.join(', ')} files.`, {
            reason: MIGRATION_UPLOAD_REFUSALS.unsupportedType,
          }),
        );
      },
    }).array(FILES_FIELD);
    try {
      await new Promise<void>((done, fail) => parse(request, response, (error: unknown) => (error ? fail(error) : done())));
    } catch (error) {
      throw refusalOf(error, maxBytes);
    }
    const files = (request.files as Express.Multer.File[] | undefined) ?? [];
    if (files.length === 0) {
      throw userError('BAD_USER_INPUT', `Send the export files as multipart/form-data in the field "${FILES_FIELD}".`, { reason: MIGRATION_UPLOAD_REFUSALS.missingFile });
    }
    return files;
  }
}

/** A multer or filter failure as a refusal a person can act on. */
function refusalOf(error: unknown, maxBytes: number): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE') {
    return userError('BAD_USER_INPUT', `A file is larger than the limit of ${maxBytes} bytes per file.`, { reason: MIGRATION_UPLOAD_REFUSALS.tooLarge });
  }
  if (error instanceof multer.MulterError && error.code === 'LIMIT_FILE_COUNT') {
    return userError('BAD_USER_INPUT', `Send at most ${MAX_FILES} files at once.`, { reason: MIGRATION_UPLOAD_REFUSALS.tooManyFiles });
  }
  return userError('BAD_USER_INPUT', `The upload is not a multipart form with files in the field "${FILES_FIELD}": ${(error as Error).message}.`, {
    reason: MIGRATION_UPLOAD_REFUSALS.missingFile,
  });
}
