/** A file the API stored for a run (POST /migrations/uploads): `path` is what startMigrationRun's `files` take. */
export interface UploadedExport {
  name: string;
  originalName: string;
  path: string;
  sizeBytes: number;
}

/**
 * Uploads the export's files (GraphQL carries no files, hence this route) with the session's token. A refusal throws
 * with the API's own message (too large, not an export file, …).
 */
export async function uploadExportFiles(files: readonly File[], token: string | null): Promise<UploadedExport[]> {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  let response: Response;
  try {
    response = await fetch('/migrations/uploads', { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body: form });
  } catch (error) {
    throw new Error(`The help desk cannot be reached (${(error as Error).message}).`);
  }
  const body = (await response.json().catch(() => null)) as { files?: UploadedExport[]; message?: string } | null;
  if (!response.ok || !body?.files) throw new Error(body?.message ?? `The upload failed (HTTP ${response.status}).`);
  return body.files;
}
