import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { GroupEntity } from '../../../libs/db/entities/group.entity.js';
import { ServiceRequestItemEntity } from '../../../libs/db/entities/service-request-item.entity.js';
import { ServiceEntity } from '../../../libs/db/entities/service.entity.js';
import { UserEntity } from '../../../libs/db/entities/user.entity.js';
import { validateRequestItemDefinition, validateServiceDefinition } from '../../../libs/domain/catalog/catalog-definition-validation.js';
import type { CatalogProblem, RequestItemDefinition, ServiceDefinition } from '../../../libs/domain/catalog/catalog-item.js';
import { AuditService } from '../audit/audit.service.js';
import { AuditedWrites, findByUuid } from '../sla-config/audited-writes.js';
import { mapConstraintErrors } from '../sla-config/config-errors.js';
import { catalogInputError } from './catalog-problems.js';
import type { ServiceRequestItemInput } from './dto/service-request-item.input.js';
import type { ServiceInput } from './dto/service.input.js';

/**
 * The catalog's admin writes: each checked by libs/domain/catalog, its references checked to exist, and written with
 * its audit entry in one transaction (AuditedWrites). A second service or item of the same name: CONFLICT.
 */
@Injectable()
export class CatalogAdminService {
  private readonly services: AuditedWrites<ServiceEntity>;
  private readonly items: AuditedWrites<ServiceRequestItemEntity>;

  constructor(dataSource: DataSource, audit: AuditService) {
    this.services = new AuditedWrites(dataSource, audit, {
      entity: ServiceEntity,
      entityType: 'service',
      snapshot: (row) => ({ ...row }),
      find: (manager, id, forWrite) => findByUuid(manager, ServiceEntity, id, { article: 'a', noun: 'service', lock: forWrite }),
    });
    this.items = new AuditedWrites(dataSource, audit, {
      entity: ServiceRequestItemEntity,
      entityType: 'service_request_item',
      snapshot: (row) => ({ ...row }),
      find: (manager, id, forWrite) => findByUuid(manager, ServiceRequestItemEntity, id, { article: 'a', noun: 'request item', lock: forWrite }),
    });
  }

  createService(input: ServiceInput, actorUserId: string): Promise<ServiceEntity> {
    const service = serviceDefinition(input);
    return this.services.create(actorUserId, async (manager, id) => {
      await assertKnown(manager, [['ownerGroupId', service.ownerGroupId]], []);
      await writeService(() => manager.insert(ServiceEntity, { id, ...service }), service);
    });
  }

  updateService(id: string, input: ServiceInput, actorUserId: string): Promise<ServiceEntity> {
    const service = serviceDefinition(input);
    return this.services.update(id, actorUserId, async (manager) => {
      await assertKnown(manager, [['ownerGroupId', service.ownerGroupId]], []);
      await writeService(() => manager.update(ServiceEntity, { id }, service), service);
    });
  }

  createItem(input: ServiceRequestItemInput, actorUserId: string): Promise<ServiceRequestItemEntity> {
    return this.items.create(actorUserId, async (manager, id) => {
      // Locked: items placed at once each count the others.
      const service = await manager.findOne(ServiceEntity, { where: { id: input.serviceId }, lock: { mode: 'pessimistic_write' } });
      if (!service) throw catalogInputError([{ field: 'serviceId', message: `serviceId: there is no service ${input.serviceId}.` }]);
      const position = input.position ?? (await manager.countBy(ServiceRequestItemEntity, { serviceId: input.serviceId }));
      const item = itemDefinition(input, position);
      await assertItemReferences(manager, item);
      await writeItem(() => manager.insert(ServiceRequestItemEntity, { id, serviceId: input.serviceId, ...item }), item);
    });
  }

  /** Replaces the item with the input; it stays in its service, and at its position unless one is given. */
  updateItem(id: string, input: ServiceRequestItemInput, actorUserId: string): Promise<ServiceRequestItemEntity> {
    return this.items.update(id, actorUserId, async (manager, before) => {
      if (input.serviceId !== before.serviceId) {
        throw catalogInputError([{ field: 'serviceId', message: 'serviceId: an item stays in its service; create a new item in the other service instead.' }]);
      }
      const item = itemDefinition(input, input.position ?? before.position);
      await assertItemReferences(manager, item);
      await writeItem(() => manager.update(ServiceRequestItemEntity, { id }, item), item);
    });
  }
}

function serviceDefinition(input: ServiceInput): ServiceDefinition {
  const service: ServiceDefinition = {
    name: input.name.trim(),
    description: input.description,
    ownerGroupId: input.ownerGroupId,
    customerVisible: input.customerVisible,
    active: input.active,
  };
  const problems = validateServiceDefinition(service);
  if (problems.length > 0) throw catalogInputError(problems);
  return service;
}

function itemDefinition(input: ServiceRequestItemInput, position: number): RequestItemDefinition {
  const item: RequestItemDefinition = {
    name: input.name.trim(),
    description: input.description,
    customerVisible: input.customerVisible,
    active: input.active,
    position,
    formFields: input.formFields.map(({ name, label, kind, required, choices }) => ({
      name,
      label: label.trim(),
      kind,
      required,
      ...(choices != null && { choices: choices.map((choice) => choice.trim()) }),
    })),
    approval: input.approval
      ? {
          approverUserId: input.approval.approverUserId ?? null,
          approverRole: input.approval.approverRole ?? null,
          escalateAfterMinutes: input.approval.escalateAfterMinutes,
          escalateToUserId: input.approval.escalateToUserId ?? null,
        }
      : null,
    fulfilmentTasks: input.fulfilmentTasks.map((task) => ({
      title: task.title.trim(),
      description: task.description,
      assigneeId: task.assigneeId ?? null,
      groupId: task.groupId ?? null,
    })),
  };
  const problems = validateRequestItemDefinition(item);
  if (problems.length > 0) throw catalogInputError(problems);
  return item;
}

type Reference = [field: string, id: string | null];

/** The users and groups an item names: its approver, whom it escalates to, its tasks' assignees and groups. */
function assertItemReferences(manager: EntityManager, item: RequestItemDefinition): Promise<void> {
  const users: Reference[] = [
    ['approval.approverUserId', item.approval?.approverUserId ?? null],
    ['approval.escalateToUserId', item.approval?.escalateToUserId ?? null],
    ...item.fulfilmentTasks.map((task, index): Reference => [`fulfilmentTasks.${index}.assigneeId`, task.assigneeId]),
  ];
  const groups = item.fulfilmentTasks.map((task, index): Reference => [`fulfilmentTasks.${index}.groupId`, task.groupId]);
  return assertKnown(manager, groups, users);
}

/** BAD_USER_INPUT naming each field whose group or user does not exist. */
async function assertKnown(manager: EntityManager, groups: Reference[], users: Reference[]): Promise<void> {
  const problems: CatalogProblem[] = [];
  for (const [references, entity, noun] of [
    [groups, GroupEntity, 'group'],
    [users, UserEntity, 'user'],
  ] as const) {
    const ids = [...new Set(references.flatMap(([, id]) => (id === null ? [] : [id])))];
    const found = new Set(ids.length === 0 ? [] : (await manager.findBy(entity, { id: In(ids) })).map((row) => row.id));
    for (const [field, id] of references) {
      if (id !== null && !found.has(id)) problems.push({ field, message: `${field}: there is no ${noun} ${id}.` });
    }
  }
  if (problems.length > 0) throw catalogInputError(problems);
}

function writeService(write: () => Promise<unknown>, service: ServiceDefinition): Promise<unknown> {
  return mapConstraintErrors(write, {
    services_name_unique: { code: 'CONFLICT', message: `A service named "${service.name}" already exists.` },
    services_owner_group_fk: { code: 'BAD_USER_INPUT', message: `ownerGroupId: there is no group ${service.ownerGroupId}.` },
  });
}

function writeItem(write: () => Promise<unknown>, item: RequestItemDefinition): Promise<unknown> {
  return mapConstraintErrors(write, {
    service_request_items_name_unique: { code: 'CONFLICT', message: `The service already has a request item named "${item.name}".` },
  });
}
