import { graphql } from '../../../gql';

export const AdminSlaQuery = graphql(`
  query AdminSla {
    businessCalendars {
      id
      name
      timeZone
      intervals {
        day
        start
        end
      }
      holidays {
        date
        name
        recurring
      }
    }
    slaPolicies {
      id
      name
      position
      active
      calendarId
      escalationPolicyId
      conditions {
        channels
        priorities
        ticketTypes
        serviceIds
        requestItemIds
        fields {
          name
          values
        }
        tags
        customerTiers
        groupIds
        organizationIds
      }
      targets {
        priority
        metric
        minutes
        businessHours
      }
      pauseWhile {
        metric
        statuses
      }
      warningThresholds
    }
  }
`);

export const AdminCreateBusinessCalendarMutation = graphql(`
  mutation AdminCreateBusinessCalendar($input: BusinessCalendarInput!) {
    createBusinessCalendar(input: $input) {
      id
      name
    }
  }
`);

export const AdminUpdateBusinessCalendarMutation = graphql(`
  mutation AdminUpdateBusinessCalendar($id: ID!, $input: BusinessCalendarInput!) {
    updateBusinessCalendar(id: $id, input: $input) {
      id
      name
    }
  }
`);

export const AdminCreateSlaPolicyMutation = graphql(`
  mutation AdminCreateSlaPolicy($input: SlaPolicyInput!) {
    createSlaPolicy(input: $input) {
      id
      name
    }
  }
`);

export const AdminUpdateSlaPolicyMutation = graphql(`
  mutation AdminUpdateSlaPolicy($id: ID!, $input: SlaPolicyInput!) {
    updateSlaPolicy(id: $id, input: $input) {
      id
      name
    }
  }
`);

export const AdminReorderSlaPoliciesMutation = graphql(`
  mutation AdminReorderSlaPolicies($ids: [ID!]!) {
    reorderSlaPolicies(ids: $ids) {
      id
      position
    }
  }
`);
