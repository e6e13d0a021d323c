import type { CatalogProblem } from '../../../libs/domain/catalog/catalog-item.js';
import { userError } from '../common/user-error.js';

/** Every problem at once in one BAD_USER_INPUT, each named in `extensions.fields` as the validation pipe names them. */
export function catalogInputError(problems: CatalogProblem[]): Error {
  return userError('BAD_USER_INPUT', problems.map((p) => p.message).join('; '), { fields: problems });
}
