import { graphql } from '../../../gql';

export const AdminEmailTemplatesQuery = graphql(`
  query AdminEmailTemplates {
    emailTemplates {
      key
      subject
      body
      customized
      variables
      updatedAt
    }
  }
`);

export const AdminUpdateEmailTemplateMutation = graphql(`
  mutation AdminUpdateEmailTemplate($input: UpdateEmailTemplateInput!) {
    updateEmailTemplate(input: $input) {
      key
      subject
      body
      customized
      updatedAt
    }
  }
`);

export const AdminResetEmailTemplateMutation = graphql(`
  mutation AdminResetEmailTemplate($key: EmailTemplateKey!) {
    resetEmailTemplate(key: $key) {
      key
      subject
      body
      customized
      updatedAt
    }
  }
`);
