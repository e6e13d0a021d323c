import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { unreadableTextPath } from './unreadable-text.js';
import { fieldError, userError } from './user-error.js';

/** Refuses text nothing downstream can take (see unreadable-text.ts) before class-validator sees the input. */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const path = metadata.type === 'custom' ? null : unreadableTextPath(value);
    if (path !== null) {
      const field = path || metadata.data || 'input';
      throw fieldError(field, `${field} must not contain NUL characters or broken Unicode`);
    }
    return super.transform(value, metadata);
  }
}

/** class-validator on every input type; failures become BAD_USER_INPUT naming each field and what is wrong. */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors: ValidationError[]) => {
      const problems = flatten(errors);
      return userError('BAD_USER_INPUT', problems.map((p) => p.message).join('; '), { fields: problems });
    },
  });
}

interface FieldProblem {
  field: string;
  message: string;
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix + error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], `${field}.`)];
  });
}
