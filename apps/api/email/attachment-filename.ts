import { basename } from 'node:path';

const MAX_FILENAME_LENGTH = 200;

/**
 * A file name fit to store and to send back in Content-Disposition: no folders (a name is only ever a name), no control
 * characters (no header injection), no leading dots (no hidden files on a save), at most 200 characters. Null when
 * nothing is left, so the caller falls back to a neutral name.
 */
export function safeAttachmentFilename(name: string | null | undefined): string | null {
  if (!name) return null;
  const cleaned = basename(name.replaceAll('\\', '/'))
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, MAX_FILENAME_LENGTH);
  return cleaned === '' ? null : cleaned;
}
