import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { validateCalendar, type WorkingInterval } from '../../../libs/domain/calendar/index.js';
import { SKILL_LEVEL_MAX, SKILL_LEVEL_MIN, type AgentAvailability, type AgentSnapshot } from '../../../libs/domain/routing/index.js';
import { AuditService } from '../audit/audit.service.js';
import { userError } from '../common/user-error.js';
import { assertUuid, invalidInput } from '../sla-config/config-errors.js';
import { AGENT_AVAILABILITY_LISTENER, type AgentAvailabilityListener } from './agent-availability.events.js';
import type { UpsertAgentInput } from './dto/agent.input.js';
import type { AgentModel } from './models/agent.model.js';

export const CAPACITY_MIN = 1;
export const CAPACITY_MAX = 1000;

interface AgentRow {
  user_id: string;
  email: string;
  display_name: string;
  skills: Record<string, number>;
  languages: string[];
  capacity: number;
  time_zone: string;
  working_hours: WorkingInterval[];
  availability: AgentAvailability;
  availability_changed_at: Date | null;
  open_tickets: number;
  last_assigned_at: Date | null;
  updated_at: Date;
  groups: Array<{ id: string; name: string; isFallback: boolean; visibleToAllAgents: boolean; createdAt: string; updatedAt: string }>;
}

const AGENT_ROWS = `
  SELECT a.user_id, u.email, u.display_name, a.skills, a.languages, a.capacity, a.time_zone, a.working_hours,
         a.availability, a.availability_changed_at, a.last_assigned_at, a.updated_at,
         (SELECT count(*)::int FROM tickets t WHERE t.assignee_id = a.user_id AND t.status NOT IN ('solved', 'closed')) AS open_tickets,
         COALESCE((SELECT jsonb_agg(jsonb_build_object('id', g.id, 'name', g.name, 'isFallback', g.is_fallback,
                                                       'visibleToAllAgents', g.visible_to_all_agents,
                                                       'createdAt', g.created_at, 'updatedAt', g.updated_at) ORDER BY g.name)
                     FROM agent_groups ag JOIN groups g ON g.id = ag.group_id WHERE ag.agent_id = a.user_id), '[]') AS groups
    FROM agents a JOIN users u ON u.id = a.user_id`;

/**
 * Agents' routing profiles (admins), and their availability (the agents themselves, or supervisors). Every change of
 * availability goes through `setAvailability`, which tells the availability listener after commit.
 */
@Injectable()
export class AgentsService {
  private readonly logger = new Logger(AgentsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(AGENT_AVAILABILITY_LISTENER) private readonly listener: AgentAvailabilityListener,
  ) {}

  /** By display name. */
  async list(): Promise<AgentModel[]> {
    const rows: AgentRow[] = await this.dataSource.query(`${AGENT_ROWS} ORDER BY u.display_name, a.user_id`);
    return rows.map(toAgentModel);
  }

  async get(userId: string, manager: EntityManager = this.dataSource.manager): Promise<AgentModel> {
    assertUuid(userId, 'a user');
    const [row]: AgentRow[] = await manager.query(`${AGENT_ROWS} WHERE a.user_id = $1`, [userId]);
    if (!row) throw userError('NOT_FOUND', `The user ${userId} is not set up as an agent.`);
    return toAgentModel(row);
  }

  /** The agents as the router sees them now (chooseAgent's input). */
  async snapshots(manager: EntityManager = this.dataSource.manager): Promise<AgentSnapshot[]> {
    const rows: AgentRow[] = await manager.query(AGENT_ROWS);
    return rows.map((row) => ({
      id: row.user_id,
      name: row.display_name,
      groupIds: row.groups.map((g) => g.id),
      skills: row.skills,
      languages: row.languages,
      capacity: row.capacity,
      openTickets: row.open_tickets,
      availability: row.availability,
      availabilityChangedAt: row.availability_changed_at === null ? null : new Date(row.availability_changed_at).getTime(),
      timeZone: row.time_zone,
      workingHours: row.working_hours,
      lastAssignedAt: row.last_assigned_at === null ? null : new Date(row.last_assigned_at).getTime(),
    }));
  }

  /**
   * Creates or replaces an agent's profile: groups, skills, languages, capacity, time zone and working hours.
   * Availability, open tickets and the last assignment stay as they are. The user must exist and hold the role agent.
   */
  async upsert(input: UpsertAgentInput, actorUserId: string): Promise<AgentModel> {
    assertUuid(input.userId, 'a user');
    return this.dataSource.transaction(async (manager) => {
      const problems = profileProblems(input);
      const [user]: Array<{ roles: string[]; active: boolean }> = await manager.query(
        'SELECT roles, active FROM users WHERE id = $1 FOR SHARE',
        [input.userId],
      );
      if (!user) problems.unshift(`There is no user ${input.userId}.`);
      else if (!user.roles.includes('agent')) problems.unshift(`The user ${input.userId} does not have the role agent; give it to them first.`);
      const groupIds = [...new Set(input.groupIds)];
      const known: Array<{ id: string }> = await manager.query('SELECT id FROM groups WHERE id = ANY($1::uuid[]) FOR SHARE', [
        groupIds.filter((id) => UUID.test(id)),
      ]);
      const knownIds = new Set(known.map((g) => g.id));
      const unknown = groupIds.filter((id) => !knownIds.has(id));
      if (unknown.length > 0) problems.push(`There is no group ${unknown.join(', ')}.`);
      if (problems.length > 0) throw invalidInput(problems);

      const before = await this.existing(manager, input.userId);
      const profile = {
        skills: Object.fromEntries(input.skills.map(({ skill, level }) => [skill.trim(), level])),
        languages: [...new Set(input.languages.map((l) => l.trim()).filter((l) => l !== ''))],
        capacity: input.capacity,
        timeZone: input.timeZone.trim(),
        workingHours: input.workingHours.map(({ day, start, end }) => ({ day, start, end })),
      };
      await manager.query(
        `INSERT INTO agents (user_id, skills, languages, capacity, time_zone, working_hours)
              VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (user_id) DO UPDATE
               SET skills = EXCLUDED.skills, languages = EXCLUDED.languages, capacity = EXCLUDED.capacity,
                   time_zone = EXCLUDED.time_zone, working_hours = EXCLUDED.working_hours, updated_at = now()`,
        [input.userId, JSON.stringify(profile.skills), profile.languages, profile.capacity, profile.timeZone, JSON.stringify(profile.workingHours)],
      );
      await manager.query('DELETE FROM agent_groups WHERE agent_id = $1', [input.userId]);
      if (groupIds.length > 0) {
        await manager.query('INSERT INTO agent_groups (agent_id, group_id) SELECT $1, unnest($2::uuid[])', [input.userId, groupIds]);
      }
      const after = await this.existing(manager, input.userId);
      await this.audit.record(
        { actorUserId, action: before ? 'agent.updated' : 'agent.created', entityType: 'agent', entityId: input.userId, before, after },
        manager,
      );
      return this.get(input.userId, manager);
    });
  }

  /**
   * The one way availability changes: written and audited in one transaction, with its time (setting the same value
   * again counts: it is how an agent takes tickets after their working hours). After commit, an agent set online is
   * announced to the availability listener (which hands them waiting tickets), even when they were online already:
   * outside their hours that is what makes them available.
   */
  async setAvailability(userId: string, availability: AgentAvailability, actorUserId: string = userId): Promise<AgentModel> {
    assertUuid(userId, 'a user');
    await this.dataSource.transaction(async (manager) => {
      const [row]: Array<{ availability: AgentAvailability }> = await manager.query(
        'SELECT availability FROM agents WHERE user_id = $1 FOR UPDATE',
        [userId],
      );
      if (!row) throw userError('NOT_FOUND', `The user ${userId} is not set up as an agent; an admin sets up agents first.`);
      await manager.query(
        'UPDATE agents SET availability = $2, availability_changed_at = now(), updated_at = now() WHERE user_id = $1',
        [userId, availability],
      );
      await this.audit.record(
        {
          actorUserId,
          action: 'agent.availability_changed',
          entityType: 'agent',
          entityId: userId,
          before: { availability: row.availability },
          after: { availability },
        },
        manager,
      );
    });
    if (availability === 'online') {
      try {
        await this.listener.agentBecameAvailable(userId);
      } catch (error) {
        // The change is committed; waiting tickets are handed out on the next change or assignment.
        this.logger.warn(`Telling that agent ${userId} became available failed: ${(error as Error).message}`);
      }
    }
    return this.get(userId);
  }

  private async existing(manager: EntityManager, userId: string): Promise<Record<string, unknown> | null> {
    const [row] = await manager.query(
      `SELECT a.skills, a.languages, a.capacity, a.time_zone AS "timeZone", a.working_hours AS "workingHours",
              COALESCE((SELECT array_agg(group_id::text ORDER BY group_id) FROM agent_groups WHERE agent_id = a.user_id), '{}') AS "groupIds"
         FROM agents a WHERE a.user_id = $1`,
      [userId],
    );
    return row ? { userId, ...row } : null;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Everything wrong with the profile itself, as sentences. */
function profileProblems(input: UpsertAgentInput): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { skill, level } of input.skills) {
    const name = skill.trim();
    if (name === '') problems.push('Skills: a skill needs a name.');
    else if (seen.has(name)) problems.push(`Skills: "${name}" is listed more than once.`);
    seen.add(name);
    if (!Number.isInteger(level) || level < SKILL_LEVEL_MIN || level > SKILL_LEVEL_MAX) {
      problems.push(`Skills: the level of "${name}" must be ${SKILL_LEVEL_MIN} to ${SKILL_LEVEL_MAX}; got ${level}.`);
    }
  }
  if (!Number.isInteger(input.capacity) || input.capacity < CAPACITY_MIN || input.capacity > CAPACITY_MAX) {
    problems.push(`Capacity must be ${CAPACITY_MIN} to ${CAPACITY_MAX} open tickets; got ${input.capacity}.`);
  }
  const badIds = input.groupIds.filter((id) => !UUID.test(id));
  if (badIds.length > 0) problems.push(`${badIds.map((id) => `"${id}"`).join(', ')} is not a group id (ids are UUIDs).`);
  // Working hours are a calendar without holidays; none at all is allowed (the time zone is still checked).
  const intervals = input.workingHours.map(({ day, start, end }) => ({ day, start, end }));
  const calendarProblems = validateCalendar({
    timeZone: input.timeZone.trim(),
    intervals: intervals.length > 0 ? intervals : [{ day: 1, start: '09:00', end: '17:00' }],
    holidays: [],
  });
  problems.push(...calendarProblems.map((problem) => `Working hours: ${problem}`));
  return problems;
}

function toAgentModel(row: AgentRow): AgentModel {
  return {
    userId: row.user_id,
    email: row.email,
    displayName: row.display_name,
    groups: row.groups.map((g) => ({ ...g, createdAt: new Date(g.createdAt), updatedAt: new Date(g.updatedAt) })),
    skills: Object.entries(row.skills)
      .map(([skill, level]) => ({ skill, level }))
      .sort((a, b) => (a.skill < b.skill ? -1 : a.skill > b.skill ? 1 : 0)),
    languages: row.languages,
    capacity: row.capacity,
    timeZone: row.time_zone,
    workingHours: row.working_hours.map(({ day, start, end }) => ({ day, start, end })),
    availability: row.availability,
    openTickets: row.open_tickets,
    lastAssignedAt: row.last_assigned_at,
    updatedAt: row.updated_at,
  };
}
