import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { macroProblems, type Macro } from '../../../libs/domain/macros/index.js';
import { AuditService } from '../audit/audit.service.js';
import { userError } from '../common/user-error.js';
import type { MacroInput } from './dto/macro.input.js';
import type { MacroModel } from './models/macro.model.js';

interface MacroRow {
  id: string;
  name: string;
  body: string;
  public: boolean;
  set_status: Macro['setStatus'];
  set_priority: Macro['setPriority'];
  add_tags: string[];
  updated_at: Date;
}

const UNIQUE_VIOLATION = '23505';

/** Admins' macros: every write checked (the fields named), and audited with its before and after. */
@Injectable()
export class MacrosService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<MacroModel[]> {
    const rows = await this.dataSource.query<MacroRow[]>('SELECT * FROM macros ORDER BY lower(name)');
    return rows.map(toModel);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<MacroModel> {
    if (!isUUID(id)) throw userError('BAD_USER_INPUT', 'macroId must be a macro id (a UUID).', { fields: [{ field: 'macroId', message: 'not a UUID' }] });
    const [row] = await manager.query<MacroRow[]>('SELECT * FROM macros WHERE id = $1', [id]);
    if (!row) throw userError('NOT_FOUND', `There is no macro ${id}.`);
    return toModel(row);
  }

  create(input: MacroInput, actorUserId: string): Promise<MacroModel> {
    const macro = checked(input);
    return this.write(actorUserId, 'macro.created', async (manager) => {
      const [row] = await manager.query<MacroRow[]>(
        `INSERT INTO macros (name, body, public, set_status, set_priority, add_tags, created_by, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING *`,
        [macro.name, macro.body, macro.public, macro.setStatus, macro.setPriority, macro.addTags, actorUserId],
      );
      return { before: null, after: toModel(row) };
    });
  }

  /** Replaces the macro's definition as a whole. */
  update(id: string, input: MacroInput, actorUserId: string): Promise<MacroModel> {
    const macro = checked(input);
    return this.write(actorUserId, 'macro.updated', async (manager) => {
      const before = await this.get(id, manager);
      // TypeORM answers an UPDATE with [rows, count].
      const [[row]] = await manager.query<[MacroRow[], number]>(
        `UPDATE macros SET name = $2, body = $3, public = $4, set_status = $5, set_priority = $6, add_tags = $7, updated_by = $8, updated_at = now()
         WHERE id = $1 RETURNING *`,
        [id, macro.name, macro.body, macro.public, macro.setStatus, macro.setPriority, macro.addTags, actorUserId],
      );
      return { before, after: toModel(row) };
    });
  }

  delete(id: string, actorUserId: string): Promise<MacroModel> {
    return this.write(actorUserId, 'macro.deleted', async (manager) => {
      const before = await this.get(id, manager);
      await manager.query('DELETE FROM macros WHERE id = $1', [id]);
      return { before, after: null };
    });
  }

  /** The change and its audit entry commit together; a second macro of the same name is refused, naming the field. */
  private async write(
    actorUserId: string,
    action: string,
    change: (manager: EntityManager) => Promise<{ before: MacroModel | null; after: MacroModel | null }>,
  ): Promise<MacroModel> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const { before, after } = await change(manager);
        const entityId = (after ?? before)!.id;
        await this.audit.record({ actorUserId, action, entityType: 'macro', entityId, before: audited(before), after: audited(after) }, manager);
        return (after ?? before)!;
      });
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) {
        throw userError('CONFLICT', 'name: another macro has this name already.', { fields: [{ field: 'name', message: 'taken' }] });
      }
      throw error;
    }
  }
}

/** The input as a macro, or BAD_USER_INPUT naming every field that is wrong (beyond what the DTO checked). */
function checked(input: MacroInput): Macro {
  const macro: Macro = {
    name: input.name.trim(),
    body: input.body,
    public: input.public,
    setStatus: input.setStatus ?? null,
    setPriority: input.setPriority ?? null,
    addTags: [...new Set(input.addTags ?? [])],
  };
  const problems = macroProblems(macro);
  if (problems.length > 0) throw userError('BAD_USER_INPUT', problems.map((problem) => problem.message).join('; '), { fields: problems });
  return macro;
}

function toModel(row: MacroRow): MacroModel {
  return {
    id: row.id,
    name: row.name,
    body: row.body,
    public: row.public,
    setStatus: row.set_status,
    setPriority: row.set_priority,
    addTags: row.add_tags,
    updatedAt: row.updated_at,
  };
}

function audited(macro: MacroModel | null): Record<string, unknown> | null {
  if (macro === null) return null;
  const { id: _id, updatedAt: _updatedAt, ...definition } = macro;
  return definition;
}
