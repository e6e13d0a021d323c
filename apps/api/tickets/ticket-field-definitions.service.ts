import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TicketFieldDefinitionEntity } from '../../../libs/db/entities/ticket-field-definition.entity.js';
import {
  checkTicketFieldChanges,
  validateTicketFieldDefinition,
  type TicketFieldDefinition,
  type TicketFieldProblem,
} from '../../../libs/domain/tickets/ticket-field-definition.js';
import { AuditService } from '../audit/audit.service.js';
import { userError } from '../common/user-error.js';
import { AuditedWrites, findByUuid } from '../sla-config/audited-writes.js';
import { mapConstraintErrors } from '../sla-config/config-errors.js';
import type { CreateTicketFieldDefinitionInput, UpdateTicketFieldDefinitionInput } from './dto/ticket-field-definition.input.js';

/** Another API process's admin write reaches this one's checks after at most this long. */
const DEFINITIONS_CACHE_MS = 30_000;
const NAME_UNIQUE = 'ticket_field_definitions_name_unique';

/**
 * Custom ticket field definitions: written by admins (audited), and read, cached, to check the values agents set.
 * The cache is dropped on every write here; other API processes see a write within DEFINITIONS_CACHE_MS.
 */
@Injectable()
export class TicketFieldDefinitionsService {
  private readonly rows: AuditedWrites<TicketFieldDefinitionEntity>;
  private cached: { until: number; definitions: Promise<TicketFieldDefinition[]> } | null = null;

  constructor(
    private readonly dataSource: DataSource,
    audit: AuditService,
  ) {
    this.rows = new AuditedWrites(dataSource, audit, {
      entity: TicketFieldDefinitionEntity,
      entityType: 'ticket_field_definition',
      snapshot: (row) => ({ ...row }),
      find: (manager, id, forWrite) => findByUuid(manager, TicketFieldDefinitionEntity, id, { article: 'a', noun: 'ticket field', lock: forWrite }),
    });
  }

  list(): Promise<TicketFieldDefinitionEntity[]> {
    return this.dataSource.getRepository(TicketFieldDefinitionEntity).find({ order: { position: 'ASC', name: 'ASC' } });
  }

  async create(input: CreateTicketFieldDefinitionInput, actorUserId: string): Promise<TicketFieldDefinitionEntity> {
    const draft = { name: input.name, label: input.label.trim(), kind: input.kind, allowedValues: input.allowedValues };
    assertNoProblems(validateTicketFieldDefinition(draft));
    const saved = await this.rows.create(actorUserId, async (manager, id) => {
      const taken = await manager.query<unknown[]>('SELECT 1 FROM ticket_field_definitions WHERE lower(name) = lower($1)', [draft.name]);
      if (taken.length > 0) throw nameTaken(draft.name);
      const position = input.position ?? (await manager.count(TicketFieldDefinitionEntity));
      await mapConstraintErrors(
        () => manager.insert(TicketFieldDefinitionEntity, { id, ...draft, position, active: input.active ?? true }),
        { [NAME_UNIQUE]: { code: 'CONFLICT', message: nameTaken(draft.name).message } },
      );
    });
    this.cached = null;
    return saved;
  }

  async update(id: string, input: UpdateTicketFieldDefinitionInput, actorUserId: string): Promise<TicketFieldDefinitionEntity> {
    const saved = await this.rows.update(id, actorUserId, async (manager, before) => {
      const label = input.label?.trim() ?? before.label;
      const allowedValues = input.allowedValues ?? before.allowedValues;
      assertNoProblems(validateTicketFieldDefinition({ name: before.name, label, kind: before.kind, allowedValues }));
      await manager.update(TicketFieldDefinitionEntity, { id }, {
        label,
        allowedValues,
        position: input.position ?? before.position,
        active: input.active ?? before.active,
      });
    });
    this.cached = null;
    return saved;
  }

  /**
   * Field changes an agent asks for (null removes a field), normalized against the definitions; BAD_USER_INPUT naming
   * each `fields.<name>` that does not fit. Names no definition has pass as they are (imports and older clients).
   */
  async checkedChanges<V extends string | null>(changes: Record<string, V>): Promise<Record<string, V>> {
    if (Object.keys(changes).length === 0) return changes;
    const check = checkTicketFieldChanges(await this.definitions(), changes);
    if (!check.ok) throw invalidFields(check.problems);
    return check.changes;
  }

  private definitions(): Promise<TicketFieldDefinition[]> {
    if (this.cached === null || this.cached.until < Date.now()) {
      const definitions = this.list().then((rows) => rows.map(({ name, label, kind, allowedValues, active }) => ({ name, label, kind, allowedValues, active })));
      // A failed read is not kept: the next check reads again.
      definitions.catch(() => {
        if (this.cached?.definitions === definitions) this.cached = null;
      });
      this.cached = { until: Date.now() + DEFINITIONS_CACHE_MS, definitions };
    }
    return this.cached.definitions;
  }
}

function assertNoProblems(problems: TicketFieldProblem[]): void {
  if (problems.length > 0) throw invalidFields(problems);
}

/** One BAD_USER_INPUT listing every problem in `extensions.fields`, as the validation pipe does. */
function invalidFields(problems: TicketFieldProblem[]): Error {
  return userError('BAD_USER_INPUT', problems.map((p) => p.message).join('; '), { fields: problems });
}

function nameTaken(name: string): Error {
  return userError('CONFLICT', `A ticket field named "${name}" already exists (names are compared ignoring case).`);
}
