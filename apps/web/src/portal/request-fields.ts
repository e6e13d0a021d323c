import { graphql } from '../gql';

/** A request as its page shows it: read by the page, and answered by a reply with the request as it is now. */
export const PortalRequestFieldsFragment = graphql(`
  fragment PortalRequestFields on PortalRequest {
    number
    subject
    status
    description
    createdAt
    updatedAt
    messages {
      id
      author
      body
      createdAt
    }
  }
`);
