import { BadUserInputError } from "../../errors/errors.js";
import { ID_RULE, isValidId } from "../../common/validation.js";

/** Validates a scalar id argument (class-validator covers input objects and ArgsTypes). */
export function assertId(name: string, value: string): void {
  if (!isValidId(value)) {
    throw new BadUserInputError(`Argument '${name}' is not a valid id.`, [{ path: name, message: `must be ${ID_RULE}` }]);
  }
}
