import { graphql } from '../../../gql';

export const AdminGroupsAndAgentsQuery = graphql(`
  query AdminGroupsAndAgents {
    groups {
      id
      name
      isFallback
      visibleToAllAgents
    }
    agents {
      userId
      displayName
      email
      availability
      capacity
      openTickets
      languages
      timeZone
      groups {
        id
        name
      }
      skills {
        skill
        level
      }
      workingHours {
        day
        start
        end
      }
    }
    users {
      ...AdminUserFields
    }
  }
`);

export const AdminCreateGroupMutation = graphql(`
  mutation AdminCreateGroup($input: CreateGroupInput!) {
    createGroup(input: $input) {
      id
      name
    }
  }
`);

export const AdminRenameGroupMutation = graphql(`
  mutation AdminRenameGroup($id: ID!, $name: String!) {
    renameGroup(id: $id, name: $name) {
      id
      name
    }
  }
`);

export const AdminUpsertAgentMutation = graphql(`
  mutation AdminUpsertAgent($input: UpsertAgentInput!) {
    upsertAgent(input: $input) {
      userId
      capacity
      groups {
        id
        name
      }
    }
  }
`);

export const AdminSetAgentAvailabilityMutation = graphql(`
  mutation AdminSetAgentAvailability($userId: ID!, $availability: AgentAvailability!) {
    setAgentAvailability(userId: $userId, availability: $availability) {
      userId
      availability
    }
  }
`);
