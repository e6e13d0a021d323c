import type { MigrationMapping, RecordType, SourceRecord } from '../../../libs/domain/migration/index.js';
import { readCsvSource } from './csv-source.js';
import { readJsonSource, type StreamClassifier } from './json-source.js';
import type { SourceSpec } from './source-spec.js';

/** Zendesk API streams; users with an agent or admin role are staff, not customers, and are not imported. */
const zendeskStream: StreamClassifier = (stream, data) => {
  if (stream === 'users') return data.role === 'end-user' || data.role === undefined ? 'customer' : 'other';
  return ZENDESK_STREAMS[stream] ?? 'other';
};
const ZENDESK_STREAMS: Record<string, RecordType> = {
  organizations: 'organization',
  tickets: 'ticket',
  ticket_comments: 'message',
  comments: 'message',
  articles: 'article',
};

/** Freshdesk API collections. */
const freshdeskStream: StreamClassifier = (stream) => FRESHDESK_STREAMS[stream] ?? 'other';
const FRESHDESK_STREAMS: Record<string, RecordType> = {
  companies: 'organization',
  contacts: 'customer',
  tickets: 'ticket',
  conversations: 'message',
  solution_articles: 'article',
  articles: 'article',
};

/**
 * Every record of an export, file after file, in the order the files hold them — one streaming interface over the
 * three kinds of source.
 */
export async function* readSource(spec: SourceSpec, mapping: MigrationMapping): AsyncGenerator<SourceRecord> {
  for (const file of spec.files) {
    if (spec.system === 'csv') {
      if (!mapping.csv) throw new Error('A CSV source needs the csv section of the mapping.');
      yield* readCsvSource(file, mapping.csv, mapping.types[mapping.csv.recordType]?.id ?? 'id');
    } else {
      yield* readJsonSource(file, spec.system === 'zendesk' ? zendeskStream : freshdeskStream);
    }
  }
}
