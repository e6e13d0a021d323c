import type { Role } from '../auth/roles.js';

// The service catalog's shapes (issue 15): a service an owner group answers for, and its request items, each with the
// form a requester fills in, an optional approval step and the tasks that fulfil it.

export const FORM_FIELD_KINDS = ['text', 'choice', 'date', 'number'] as const;
export type FormFieldKind = (typeof FORM_FIELD_KINDS)[number];

/** One field of a request item's form; `choices` only on a choice field. */
export interface FormField {
  name: string;
  label: string;
  kind: FormFieldKind;
  required: boolean;
  choices?: string[];
}

/** Who approves a request of the item: a named user or anyone holding a role (exactly one), and when to escalate. */
export interface ItemApproval {
  approverUserId: string | null;
  approverRole: Role | null;
  escalateAfterMinutes: number;
  escalateToUserId: string | null;
}

/** A task that fulfils a request, in the item's order. */
export interface FulfilmentTaskTemplate {
  title: string;
  description: string;
  assigneeId: string | null;
  groupId: string | null;
}

export interface ServiceDefinition {
  name: string;
  description: string;
  ownerGroupId: string;
  customerVisible: boolean;
  active: boolean;
}

export interface RequestItemDefinition {
  name: string;
  description: string;
  customerVisible: boolean;
  active: boolean;
  position: number;
  formFields: FormField[];
  approval: ItemApproval | null;
  fulfilmentTasks: FulfilmentTaskTemplate[];
}

/** A submitted form's values after validation: numbers as numbers, everything else as trimmed text (dates YYYY-MM-DD). */
export type RequestValues = Record<string, string | number>;

/** What is wrong, and where: `field` is the input's path as the API names it (e.g. `formFields.2.choices`, `values.model`). */
export interface CatalogProblem {
  field: string;
  message: string;
}

export const CATALOG_LIMITS = {
  nameMaxLength: 200,
  descriptionMaxLength: 5_000,
  maxFormFields: 30,
  maxChoices: 50,
  choiceMaxLength: 200,
  maxFulfilmentTasks: 20,
  valueMaxLength: 5_000,
  /** One year, as SLA targets allow. */
  escalateAfterMinutesMax: 525_600,
} as const;
