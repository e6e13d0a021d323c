import { graphql } from '../gql';

/** The portal's catalog: active customer-visible services with their items and forms (one query for both pages). */
export const PortalCatalogQuery = graphql(`
  query PortalServiceCatalog {
    portalServiceCatalog {
      id
      name
      description
      items {
        id
        name
        description
        formFields {
          name
          label
          kind
          required
          choices
        }
      }
    }
  }
`);
