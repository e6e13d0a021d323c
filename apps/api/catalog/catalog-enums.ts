import { registerEnumType } from '@nestjs/graphql';
import { FORM_FIELD_KINDS } from '../../../libs/domain/catalog/catalog-item.js';

/** TEXT, CHOICE, DATE, NUMBER in GraphQL; the domain's lower-case kinds as values. */
export const FormFieldKindEnum = Object.fromEntries(FORM_FIELD_KINDS.map((kind) => [kind.toUpperCase(), kind])) as {
  [K in (typeof FORM_FIELD_KINDS)[number] as Uppercase<K>]: K;
};
registerEnumType(FormFieldKindEnum, { name: 'FormFieldKind', description: 'What a request form field takes: free text, one of its choices, a date (YYYY-MM-DD) or a number.' });
