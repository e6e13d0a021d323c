import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { FALLBACK_GROUP_ID } from '../../libs/db/agent-snapshots.js';
import type { RoutingRule } from '../../libs/domain/routing/index.js';
import { ROUTING_CALENDARS, ROUTING_SKILLS, routingRules } from './routing-corpus.js';
import type { SeededRandom } from './seeded-random.js';

export interface RoutingSetup {
  groups: number;
  agents: number;
  /** Each agent's capacity: enough that nobody fills up, so every ticket can be assigned. */
  capacity: number;
  rules: number;
}

/**
 * Writes a help desk to route into: the corpus's calendars, `groups` groups besides the fallback queue, agents online
 * with every routing skill at level 5 (each a member of three consecutive groups, the fallback counting as one), and
 * the corpus's rules into those groups. Returns the id of a further user to create tickets as (an API caller).
 */
export async function insertRoutingSetup(dataSource: DataSource, setup: RoutingSetup, random: SeededRandom): Promise<string> {
  for (const [id, calendar] of Object.entries(ROUTING_CALENDARS)) {
    await dataSource.query(`INSERT INTO business_calendars (id, name, time_zone, intervals, holidays) VALUES ($1, $2, $3, $4, $5)`, [
      id,
      `Bench ${calendar.timeZone}`,
      calendar.timeZone,
      JSON.stringify(calendar.intervals),
      JSON.stringify(calendar.holidays),
    ]);
  }
  const groupIds = [FALLBACK_GROUP_ID];
  for (let i = 0; i < setup.groups; i++) {
    const [{ id }] = await dataSource.query<Array<{ id: string }>>(`INSERT INTO groups (name) VALUES ($1) RETURNING id`, [`Bench group ${i}`]);
    groupIds.push(id);
  }
  const skills = JSON.stringify(Object.fromEntries(ROUTING_SKILLS.map((skill) => [skill, 5])));
  for (let i = 0; i < setup.agents; i++) {
    const userId = await insertUser(dataSource, `bench-agent-${i}@example.com`, `Agent ${i}`);
    await dataSource.query(`INSERT INTO agents (user_id, skills, capacity, availability) VALUES ($1, $2, $3, 'online')`, [
      userId,
      skills,
      setup.capacity,
    ]);
    for (let k = 0; k < 3; k++) {
      await dataSource.query(`INSERT INTO agent_groups (agent_id, group_id) VALUES ($1, $2)`, [userId, groupIds[(i + k) % groupIds.length]]);
    }
  }
  for (const rule of routingRules(setup.rules, random, groupIds.slice(1))) await insertRule(dataSource, rule);
  return insertUser(dataSource, 'bench-api-caller@example.com', 'API caller');
}

async function insertUser(dataSource: DataSource, email: string, name: string): Promise<string> {
  const id = randomUUID();
  await dataSource.query(`INSERT INTO users (id, email, display_name, password_hash, roles) VALUES ($1, $2, $3, '-', '{agent}')`, [id, email, name]);
  return id;
}

function insertRule(dataSource: DataSource, rule: RoutingRule): Promise<unknown> {
  // jsonb parameters go in as JSON text: node-postgres would turn a JS array into a PostgreSQL array.
  return dataSource.query(`INSERT INTO routing_rules (name, position, criteria, result) VALUES ($1, $2, $3, $4)`, [
    rule.name,
    rule.position,
    JSON.stringify(rule.criteria),
    JSON.stringify(rule.result),
  ]);
}
