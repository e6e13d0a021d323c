import { graphql } from '../../../gql';

export const AdminUsersQuery = graphql(`
  query AdminUsers {
    users {
      id
      email
      displayName
      roles
      active
    }
  }
`);

export const AdminCreateUserMutation = graphql(`
  mutation AdminCreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      email
      displayName
      roles
      active
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
