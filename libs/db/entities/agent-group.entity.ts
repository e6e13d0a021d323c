import { Entity, PrimaryColumn } from 'typeorm';

/** An agent's membership of a group. */
@Entity({ name: 'agent_groups' })
export class AgentGroupEntity {
  @PrimaryColumn('uuid')
  agentId!: string;

  @PrimaryColumn('uuid')
  groupId!: string;
}
