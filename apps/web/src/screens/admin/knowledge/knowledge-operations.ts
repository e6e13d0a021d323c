import { graphql } from '../../../gql';

export const AdminSearchKnowledgeQuery = graphql(`
  query AdminSearchKnowledge($query: String!) {
    searchKnowledgeArticles(query: $query, first: 25, statuses: [DRAFT, PUBLISHED, ARCHIVED]) {
      titleHighlight
      snippet
      article {
        id
        status
        audience
        version
      }
    }
  }
`);

export const AdminKnowledgeArticleQuery = graphql(`
  query AdminKnowledgeArticle($id: ID!) {
    knowledgeArticle(id: $id) {
      id
      title
      body
      tags
      status
      audience
      version
    }
  }
`);

export const AdminCreateKnowledgeArticleMutation = graphql(`
  mutation AdminCreateKnowledgeArticle($input: CreateKnowledgeArticleInput!) {
    createKnowledgeArticle(input: $input) {
      id
      title
      version
    }
  }
`);

export const AdminUpdateKnowledgeArticleMutation = graphql(`
  mutation AdminUpdateKnowledgeArticle($id: ID!, $input: UpdateKnowledgeArticleInput!) {
    updateKnowledgeArticle(id: $id, input: $input) {
      id
      title
      version
    }
  }
`);
