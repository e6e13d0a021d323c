import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { migrationFixture } from '../support/migration-fixtures.js';
import { exampleMappingText, startRun, waitForRunStatus } from '../support/migration-runs.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

/** Larger than the 1k CSV fixture (about 110 kB), small enough to exceed cheaply. */
const MAX_UPLOAD_BYTES = 200_000;

interface UploadAnswer {
  uploadId: string;
  files: Array<{ name: string; originalName: string; path: string; sizeBytes: number }>;
}

// The console's way to give a run its export: upload the files, then start the run with the paths the upload answers.
describe('uploading a migration export (POST /migrations/uploads)', () => {
  let system: TestSystem;
  let operator: string;
  let dataDir: string;
  const uploadsDir = () => join(dataDir, 'migration-uploads');
  const csvBytes = readFileSync(migrationFixture('generic-tickets-1k.csv'));

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'migration-upload-e2e-'));
    system = await startTestSystem({ dataDir, migrationMaxUploadBytes: MAX_UPLOAD_BYTES });
    ({ token: operator } = await system.signIn(['migration_operator']));
  });
  afterAll(async () => {
    await system.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function upload(token: string | null, files: Array<{ bytes: Uint8Array; name: string }>, field = 'files') {
    const form = new FormData();
    for (const file of files) form.append(field, new Blob([file.bytes]), file.name);
    if (files.length === 0) form.append('note', 'no file here');
    return fetch(`${system.url}/migrations/uploads`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body: form });
  }
  const uploadFolders = () => readdirSync(uploadsDir(), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

  it('stores the export in a fresh folder under the data folder, and a run started with its path imports it', async () => {
    const response = await upload(operator, [{ bytes: csvBytes, name: 'generic-tickets-1k.csv' }]);
    expect(response.status).toBe(201);
    const answer = (await response.json()) as UploadAnswer;
    expect(answer.files).toEqual([
      { name: 'generic-tickets-1k.csv', originalName: 'generic-tickets-1k.csv', path: join(uploadsDir(), answer.uploadId, 'generic-tickets-1k.csv'), sizeBytes: csvBytes.length },
    ]);
    expect(readFileSync(answer.files[0].path).equals(csvBytes)).toBe(true);

    const runId = await startRun(system, operator, {
      sourceSystem: 'csv',
      files: answer.files.map((file) => file.path),
      mapping: exampleMappingText('generic-tickets.mapping.yaml'),
      sampleSize: 20,
    });
    const run = await waitForRunStatus(system, operator, runId, 'awaiting_approval');
    // The run's mapping is readable (the console revises it from there).
    const { data } = await system.graphql<{ migrationRun: { mapping: string } }>(`query($id: ID!) { migrationRun(id: $id) { mapping } }`, { id: runId }, operator);
    expect(data?.migrationRun.mapping).toBe(exampleMappingText('generic-tickets.mapping.yaml'));
    expect(run.progress?.phases.reduce((sum, phase) => sum + (phase as unknown as { expected: number }).expected, 0)).toBe(1000);
    await system.graphql(`mutation($id: ID!) { cancelMigrationRun(id: $id) { id } }`, { id: runId }, operator);
  });

  it('gives every upload its own folder and names no client can steer out of it, two of a name kept apart', async () => {
    const bytes = new TextEncoder().encode('{"tickets": []}');
    const response = await upload(operator, [
      { bytes, name: '../../../etc/tickets.json' },
      { bytes, name: 'tickets.json' },
      { bytes, name: 'Kunden März.JSON' },
      { bytes, name: '.profile.ndjson' },
    ]);
    expect(response.status).toBe(201);
    const answer = (await response.json()) as UploadAnswer;
    expect(answer.files.map((file) => [file.originalName, file.name])).toEqual([
      // The multipart parser already drops the folders; the stored name is sanitised again whatever arrives.
      ['tickets.json', 'tickets.json'],
      ['tickets.json', 'tickets-2.json'],
      ['Kunden März.JSON', 'Kunden_Marz.json'],
      ['.profile.ndjson', 'profile.ndjson'],
    ]);
    for (const file of answer.files) expect(dirname(file.path)).toBe(join(uploadsDir(), answer.uploadId));
    expect(uploadFolders()).toHaveLength(2);
  });

  it('refuses a file over the size limit, a file of another kind and a form without files, leaving nothing behind', async () => {
    const before = uploadFolders().sort();
    const refusals = [
      { files: [{ bytes: new Uint8Array(MAX_UPLOAD_BYTES + 1), name: 'huge.csv' }], reason: 'MIGRATION_UPLOAD_TOO_LARGE', message: /larger than the limit of 200000 bytes/ },
      {
        files: [{ bytes: csvBytes, name: 'tickets.csv' }, { bytes: new Uint8Array(10), name: 'tool.exe' }],
        reason: 'MIGRATION_UPLOAD_UNSUPPORTED_TYPE',
        message: /"tool\.exe" is not an export file.*\.csv, \.json, \.ndjson, \.jsonl/,
      },
      { files: [], reason: 'MIGRATION_UPLOAD_FILE_MISSING', message: /in the field "files"/ },
      { files: Array.from({ length: 21 }, (_, index) => ({ bytes: new Uint8Array(1), name: `part-${index}.csv` })), reason: 'MIGRATION_UPLOAD_TOO_MANY_FILES', message: /at most 20 files/ },
    ];
    for (const refusal of refusals) {
      const response = await upload(operator, refusal.files);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { message: string };
      expect(body).toMatchObject({ code: 'BAD_USER_INPUT', reason: refusal.reason });
      expect(body.message).toMatch(refusal.message);
    }
    const wrongField = await upload(operator, [{ bytes: csvBytes, name: 'tickets.csv' }], 'file');
    expect(wrongField.status).toBe(400);
    expect(await wrongField.json()).toMatchObject({ reason: 'MIGRATION_UPLOAD_FILE_MISSING' });
    expect(uploadFolders().sort()).toEqual(before);
  });

  it('admits only migration operators and admins', async () => {
    const file = [{ bytes: csvBytes, name: 'tickets.csv' }];
    const { token: agent } = await system.signIn(['agent']);
    const { token: admin } = await system.signIn(['admin']);
    const refused = await upload(agent, file);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await upload(null, file)).status).toBe(401);
    expect((await upload(admin, file)).status).toBe(201);
  });
});
