import { GraphQLError } from 'graphql';
import { userError } from './user-error.js';
import { maskSubscriptionErrors } from './mask-subscription-errors.js';

describe('maskSubscriptionErrors', () => {
  it('passes user errors with their code and hides anything else behind INTERNAL_SERVER_ERROR', () => {
    const internal = new GraphQLError('relation "tickets" does not exist', { originalError: new Error('SQL detail') });
    const result = maskSubscriptionErrors({ data: null, errors: [userError('FORBIDDEN', 'Not for you.'), internal] });
    expect(result.errors).toEqual([
      expect.objectContaining({ message: 'Not for you.', extensions: { code: 'FORBIDDEN' } }),
      expect.objectContaining({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
    ]);
  });

  it('leaves a result without errors untouched', () => {
    const result = { data: { slaEvents: { type: 'sla_warning' } } };
    expect(maskSubscriptionErrors(result)).toBe(result);
  });
});
