import { graphql } from '../../../gql';

/** A template as the editor shows it: the query and both mutations answer with it, so urql's cache stays whole. */
export const AdminEmailTemplateFieldsFragment = graphql(`
  fragment AdminEmailTemplateFields on EmailTemplate {
    key
    subject
    body
    customized
  }
`);

export const AdminEmailTemplatesQuery = graphql(`
  query AdminEmailTemplates {
    emailTemplates {
      ...AdminEmailTemplateFields
      variables
    }
  }
`);

export const AdminUpdateEmailTemplateMutation = graphql(`
  mutation AdminUpdateEmailTemplate($input: UpdateEmailTemplateInput!) {
    updateEmailTemplate(input: $input) {
      ...AdminEmailTemplateFields
    }
  }
`);

export const AdminResetEmailTemplateMutation = graphql(`
  mutation AdminResetEmailTemplate($key: EmailTemplateKey!) {
    resetEmailTemplate(key: $key) {
      ...AdminEmailTemplateFields
    }
  }
`);
