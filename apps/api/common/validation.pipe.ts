import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { userError } from './user-error.js';

/** class-validator on every input type; failures become BAD_USER_INPUT naming each field and what is wrong. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
