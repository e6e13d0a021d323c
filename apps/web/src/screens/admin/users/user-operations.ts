import { graphql } from '../../../gql';

/** A user as the admin screens list them (users and roles; the agent picker of groups). */
export const AdminUserFieldsFragment = graphql(`
  fragment AdminUserFields on User {
    id
    email
    displayName
    roles
    active
  }
`);

export const AdminUsersQuery = graphql(`
  query AdminUsers {
    users {
      ...AdminUserFields
    }
  }
`);

export const AdminCreateUserMutation = graphql(`
  mutation AdminCreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...AdminUserFields
    }
  }
`);

export const AdminUpdateUserMutation = graphql(`
  mutation AdminUpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      id
      displayName
      roles
      active
    }
  }
`);
