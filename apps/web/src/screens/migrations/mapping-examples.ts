import freshdeskMapping from '../../../../../examples/migration/freshdesk.mapping.json?raw';
import genericCsvMapping from '../../../../../examples/migration/generic-tickets.mapping.yaml?raw';
import zendeskMapping from '../../../../../examples/migration/zendesk.mapping.yaml?raw';

export const SOURCE_SYSTEMS = [
  { value: 'csv', label: 'Generic CSV' },
  { value: 'zendesk', label: 'Zendesk' },
  { value: 'freshdesk', label: 'Freshdesk' },
] as const;
export type SourceSystem = (typeof SOURCE_SYSTEMS)[number]['value'];

/** The example mappings the repository ships (examples/migration), bundled so an operator can start from one. */
export const MAPPING_EXAMPLES: ReadonlyArray<{ label: string; sourceSystem: SourceSystem; text: string }> = [
  { label: 'Generic CSV tickets', sourceSystem: 'csv', text: genericCsvMapping },
  { label: 'Zendesk', sourceSystem: 'zendesk', text: zendeskMapping },
  { label: 'Freshdesk', sourceSystem: 'freshdesk', text: freshdeskMapping },
];
