import { graphql } from '../../../gql';

export const AdminRoutingQuery = graphql(`
  query AdminRouting {
    routingRules {
      id
      name
      position
      active
      criteria {
        channels
        priorities
        ticketTypes
        keywords
        pattern
        requesterDomains
        requesterEmails
        customerTiers
        organizationIds
        fields {
          name
          values
        }
        arrival
        calendarId
      }
      result {
        groupId
        priorityAdjustment
        tags
        requiredSkills {
          skill
          minLevel
        }
      }
    }
    routingRuleConflicts {
      shadowed {
        rule {
          id
          name
        }
        by {
          id
          name
        }
        explanation
      }
      overlaps {
        first {
          id
          name
        }
        second {
          id
          name
        }
        explanation
      }
    }
    groups {
      id
      name
    }
  }
`);

export const AdminCreateRoutingRuleMutation = graphql(`
  mutation AdminCreateRoutingRule($input: RoutingRuleInput!) {
    createRoutingRule(input: $input) {
      rule {
        id
        name
      }
    }
  }
`);

export const AdminUpdateRoutingRuleMutation = graphql(`
  mutation AdminUpdateRoutingRule($id: ID!, $input: RoutingRuleInput!) {
    updateRoutingRule(id: $id, input: $input) {
      rule {
        id
        name
      }
    }
  }
`);

export const AdminDeleteRoutingRuleMutation = graphql(`
  mutation AdminDeleteRoutingRule($id: ID!) {
    deleteRoutingRule(id: $id) {
      deletedId
    }
  }
`);

export const AdminReorderRoutingRulesMutation = graphql(`
  mutation AdminReorderRoutingRules($ids: [ID!]!) {
    reorderRoutingRules(ids: $ids) {
      rules {
        id
        position
      }
    }
  }
`);

export const AdminSimulateRoutingMutation = graphql(`
  mutation AdminSimulateRouting($scenarios: [RoutingScenarioInput!]!) {
    simulateRouting(scenarios: $scenarios) {
      problems
      results {
        index
        matchedRule {
          id
          name
        }
        reasons
        group {
          id
          name
        }
        priority
        tags
        agent {
          userId
          displayName
        }
        agentReason
      }
    }
  }
`);
