import { ROLES } from '../auth/roles.js';
import {
  CATALOG_LIMITS,
  FORM_FIELD_KINDS,
  type CatalogProblem,
  type FormField,
  type FulfilmentTaskTemplate,
  type ItemApproval,
  type RequestItemDefinition,
  type ServiceDefinition,
} from './catalog-item.js';

/** A form field's name is the key of its value (`values.<name>`): a letter, then letters, digits or underscores. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** Everything wrong with an admin's service, each problem naming its field; empty when it can be saved. */
export function validateServiceDefinition(service: ServiceDefinition): CatalogProblem[] {
  return [...nameProblems('name', service.name), ...descriptionProblems('description', service.description)];
}

/** Everything wrong with an admin's request item, each problem naming its field path; empty when it can be saved. */
export function validateRequestItemDefinition(item: RequestItemDefinition): CatalogProblem[] {
  return [
    ...nameProblems('name', item.name),
    ...descriptionProblems('description', item.description),
    ...(Number.isInteger(item.position) && item.position >= 0
      ? []
      : [{ field: 'position', message: `position must be a whole number, 0 or more; got ${item.position}.` }]),
    ...formFieldsProblems(item.formFields),
    ...(item.approval === null ? [] : approvalProblems(item.approval)),
    ...fulfilmentTaskProblems(item.fulfilmentTasks),
  ];
}

function formFieldsProblems(fields: FormField[]): CatalogProblem[] {
  if (fields.length > CATALOG_LIMITS.maxFormFields) {
    return [{ field: 'formFields', message: `A form has at most ${CATALOG_LIMITS.maxFormFields} fields; got ${fields.length}.` }];
  }
  const problems = fields.flatMap((field, index) => formFieldProblems(field, `formFields.${index}`));
  const seen = new Set<string>();
  fields.forEach((field, index) => {
    const key = field.name.toLowerCase();
    if (seen.has(key)) problems.push({ field: `formFields.${index}.name`, message: `The form has two fields named "${field.name}"; name each once.` });
    seen.add(key);
  });
  return problems;
}

function formFieldProblems(field: FormField, path: string): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  if (!FIELD_NAME.test(field.name)) {
    problems.push({
      field: `${path}.name`,
      message: `${path}.name "${field.name}" must start with a letter and hold only letters, digits and underscores (at most 64).`,
    });
  }
  problems.push(...nameProblems(`${path}.label`, field.label));
  if (!(FORM_FIELD_KINDS as readonly string[]).includes(field.kind)) {
    problems.push({ field: `${path}.kind`, message: `${path}.kind "${field.kind}" is not a field kind; use ${FORM_FIELD_KINDS.join(', ')}.` });
  }
  const choices = field.choices;
  if (field.kind !== 'choice') {
    if (choices !== undefined && choices.length > 0) {
      problems.push({ field: `${path}.choices`, message: `${path}.choices: only a choice field has choices; "${field.name}" is a ${field.kind} field.` });
    }
    return problems;
  }
  if (choices === undefined || choices.length === 0) {
    problems.push({ field: `${path}.choices`, message: `${path}.choices: the choice field "${field.name}" needs at least one choice.` });
    return problems;
  }
  if (choices.length > CATALOG_LIMITS.maxChoices) {
    problems.push({ field: `${path}.choices`, message: `${path}.choices: at most ${CATALOG_LIMITS.maxChoices} choices; got ${choices.length}.` });
  }
  if (choices.some((choice) => choice.trim() === '' || choice.length > CATALOG_LIMITS.choiceMaxLength)) {
    problems.push({ field: `${path}.choices`, message: `${path}.choices: each choice must be 1 to ${CATALOG_LIMITS.choiceMaxLength} characters, not blank.` });
  }
  // A requester's choice is matched ignoring case, so two choices may not differ only in case.
  if (new Set(choices.map((choice) => choice.trim().toLowerCase())).size !== choices.length) {
    problems.push({ field: `${path}.choices`, message: `${path}.choices: a choice is listed twice (ignoring case); list each once.` });
  }
  return problems;
}

function approvalProblems(approval: ItemApproval): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  if ((approval.approverUserId === null) === (approval.approverRole === null)) {
    problems.push({ field: 'approval', message: 'approval needs exactly one approver: approverUserId (a named user) or approverRole (anyone holding it).' });
  }
  if (approval.approverRole !== null && !(ROLES as readonly string[]).includes(approval.approverRole)) {
    problems.push({ field: 'approval.approverRole', message: `approval.approverRole "${approval.approverRole}" is not a role; use ${ROLES.join(', ')}.` });
  }
  const minutes = approval.escalateAfterMinutes;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > CATALOG_LIMITS.escalateAfterMinutesMax) {
    problems.push({
      field: 'approval.escalateAfterMinutes',
      message: `approval.escalateAfterMinutes must be a whole number of minutes from 1 to ${CATALOG_LIMITS.escalateAfterMinutesMax}; got ${minutes}.`,
    });
  }
  return problems;
}

function fulfilmentTaskProblems(tasks: FulfilmentTaskTemplate[]): CatalogProblem[] {
  if (tasks.length > CATALOG_LIMITS.maxFulfilmentTasks) {
    return [{ field: 'fulfilmentTasks', message: `An item has at most ${CATALOG_LIMITS.maxFulfilmentTasks} fulfilment tasks; got ${tasks.length}.` }];
  }
  return tasks.flatMap((task, index) => [
    ...nameProblems(`fulfilmentTasks.${index}.title`, task.title),
    ...descriptionProblems(`fulfilmentTasks.${index}.description`, task.description),
  ]);
}

function nameProblems(field: string, value: string): CatalogProblem[] {
  if (value.trim() === '') return [{ field, message: `${field} must not be blank.` }];
  if (value.length > CATALOG_LIMITS.nameMaxLength) return [{ field, message: `${field} must be at most ${CATALOG_LIMITS.nameMaxLength} characters.` }];
  return [];
}

function descriptionProblems(field: string, value: string): CatalogProblem[] {
  return value.length > CATALOG_LIMITS.descriptionMaxLength
    ? [{ field, message: `${field} must be at most ${CATALOG_LIMITS.descriptionMaxLength} characters.` }]
    : [];
}
