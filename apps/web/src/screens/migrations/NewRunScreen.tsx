import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { fieldErrors } from '../../api/errors';
import { useSession } from '../../auth/session';
import { graphql } from '../../gql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { MAPPING_EXAMPLES, SOURCE_SYSTEMS, type SourceSystem } from './mapping-examples';
import { mappingIssuesOf } from './mapping-issues';
import { MappingIssueList } from './MappingIssueList';
import { humanize, MIGRATION_PHASES, type MigrationPhase } from './run-view';
import { uploadExportFiles } from './upload-exports';

const MigrationsStartRunMutation = graphql(`
  mutation MigrationsStartRun($input: StartMigrationRunInput!) {
    startMigrationRun(input: $input) {
      id
      status
    }
  }
`);

const EXPORT_TYPES = '.csv,.json,.ndjson,.jsonl';

/** Server paths typed one per line; blank lines ignored. */
const pathsOf = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

/**
 * "New run": the export (files uploaded from this computer, or paths the worker reads), the source system, the
 * mapping (typed, loaded from a file or one of the shipped examples) and the options; starting it opens the run.
 */
export function NewRunScreen() {
  const { token } = useSession();
  const navigate = useNavigate();
  const [sourceSystem, setSourceSystem] = useState<SourceSystem>('csv');
  const [sourceKey, setSourceKey] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  // The chosen files once uploaded: a start refused for its mapping is retried without uploading them again.
  const [uploadedPaths, setUploadedPaths] = useState<string[] | null>(null);
  const [serverPaths, setServerPaths] = useState('');
  const [mapping, setMapping] = useState('');
  const [batchSize, setBatchSize] = useState('1000');
  const [sampleSize, setSampleSize] = useState('50');
  const [maxRejectPercent, setMaxRejectPercent] = useState('5');
  const [approvalPhases, setApprovalPhases] = useState<MigrationPhase[]>([]);
  const [progressNote, setProgressNote] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [missingExport, setMissingExport] = useState(false);
  const [started, startRun] = useMutation(MigrationsStartRunMutation);

  const errors = fieldErrors(started.error);
  const mappingIssues = mappingIssuesOf(started.error?.graphQLErrors[0]?.extensions);

  const applyExample = (index: number) => {
    const example = MAPPING_EXAMPLES[index];
    setMapping(example.text);
    setSourceSystem(example.sourceSystem);
  };
  const togglePhase = (phase: MigrationPhase, on: boolean) =>
    setApprovalPhases((phases) => (on ? [...phases, phase] : phases.filter((other) => other !== phase)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setUploadError(null);
    const typedPaths = pathsOf(serverPaths);
    setMissingExport(files.length === 0 && typedPaths.length === 0);
    if (files.length === 0 && typedPaths.length === 0) return;
    let exportPaths = uploadedPaths ?? [];
    if (files.length > 0 && !uploadedPaths) {
      setProgressNote(`Uploading ${files.length} file(s)…`);
      try {
        exportPaths = (await uploadExportFiles(files, token)).map((file) => file.path);
        setUploadedPaths(exportPaths);
      } catch (error) {
        setProgressNote(null);
        setUploadError((error as Error).message);
        return;
      }
    }
    setProgressNote('Starting the run…');
    const result = await startRun({
      input: {
        sourceSystem,
        sourceKey: sourceKey.trim() || null,
        files: [...exportPaths, ...typedPaths],
        mapping,
        batchSize: Number(batchSize),
        sampleSize: Number(sampleSize),
        maxRejectRate: Number(maxRejectPercent) / 100,
        approvalPhases,
      },
    });
    setProgressNote(null);
    if (result.data) navigate(`../${result.data.startMigrationRun.id}`);
  }

  const busy = progressNote !== null;
  return (
    <section className="page stack" aria-labelledby="new-run-heading">
      <div className="page-header">
        <h1 id="new-run-heading">New migration run</h1>
        <Link to="..">Back to the runs</Link>
      </div>
      <form className="stack migrations-form" onSubmit={submit} noValidate>
        <fieldset className="card stack">
          <legend>Export</legend>
          <label>
            Source system
            <select value={sourceSystem} onChange={(event) => setSourceSystem(event.target.value as SourceSystem)}>
              {SOURCE_SYSTEMS.map((system) => (
                <option key={system.value} value={system.value}>
                  {system.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Export files to upload
            <input
              type="file"
              multiple
              accept={EXPORT_TYPES}
              onChange={(event) => {
                setFiles(Array.from(event.target.files ?? []));
                setUploadedPaths(null);
              }}
            />
            <span className="muted">CSV, JSON or NDJSON, as the old help desk exported them.</span>
          </label>
          <label>
            Or server paths, one per line
            <textarea rows={2} value={serverPaths} onChange={(event) => setServerPaths(event.target.value)} placeholder="/data/export/tickets.csv" />
            {errors.files && <span className="field-error">{errors.files}</span>}
          </label>
          {missingExport && (
            <p className="field-error" role="alert">
              Choose the export files to upload, or type the paths the worker reads them from.
            </p>
          )}
          <label>
            Source key (optional)
            <input value={sourceKey} onChange={(event) => setSourceKey(event.target.value)} placeholder={sourceSystem} />
            <span className="muted">Names the source for later delta runs; defaults to the source system.</span>
            {errors.sourceKey && <span className="field-error">{errors.sourceKey}</span>}
          </label>
        </fieldset>

        <fieldset className="card stack">
          <legend>Mapping</legend>
          <div className="row" role="group" aria-label="Start from an example mapping">
            <span className="muted">Start from an example:</span>
            {MAPPING_EXAMPLES.map((example, index) => (
              <button key={example.label} type="button" className="secondary" onClick={() => applyExample(index)}>
                {example.label}
              </button>
            ))}
          </div>
          <label>
            Load a mapping file
            <input type="file" accept=".yaml,.yml,.json" onChange={async (event) => setMapping((await event.target.files?.[0]?.text()) ?? mapping)} />
          </label>
          <label>
            Mapping (YAML or JSON)
            <textarea className="migrations-mapping" rows={14} spellCheck={false} value={mapping} onChange={(event) => setMapping(event.target.value)} />
            {errors.mapping && <span className="field-error">{errors.mapping}</span>}
          </label>
          <MappingIssueList issues={mappingIssues} />
        </fieldset>

        <fieldset className="card stack">
          <legend>Options</legend>
          <div className="grid migrations-options">
            <label>
              Batch size (records)
              <input type="number" min={1} max={20000} value={batchSize} onChange={(event) => setBatchSize(event.target.value)} />
              {errors.batchSize && <span className="field-error">{errors.batchSize}</span>}
            </label>
            <label>
              Sample size (0 skips the sample)
              <input type="number" min={0} max={500} value={sampleSize} onChange={(event) => setSampleSize(event.target.value)} />
              {errors.sampleSize && <span className="field-error">{errors.sampleSize}</span>}
            </label>
            <label>
              Rejects allowed per batch (%)
              <input type="number" min={0} max={100} step="any" value={maxRejectPercent} onChange={(event) => setMaxRejectPercent(event.target.value)} />
              {errors.maxRejectRate && <span className="field-error">{errors.maxRejectRate}</span>}
            </label>
          </div>
          <fieldset className="migrations-phases">
            <legend>Wait for approval after these phases</legend>
            {MIGRATION_PHASES.map((phase) => (
              <label key={phase} className="inline">
                <input type="checkbox" checked={approvalPhases.includes(phase)} onChange={(event) => togglePhase(phase, event.target.checked)} />
                {humanize(phase)}
              </label>
            ))}
          </fieldset>
        </fieldset>

        {uploadError && (
          <div className="notice notice-error" role="alert">
            <p>{uploadError}</p>
          </div>
        )}
        {started.error && mappingIssues.length === 0 && <ErrorNotice error={started.error} />}
        {started.error && mappingIssues.length > 0 && (
          <div className="notice notice-error" role="alert">
            <p>The mapping has {mappingIssues.length} issue(s); each is listed under the mapping with its line.</p>
          </div>
        )}
        <div className="row">
          <button type="submit" disabled={busy}>
            Start run
          </button>
          {progressNote && (
            <span role="status" className="muted">
              {progressNote}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
