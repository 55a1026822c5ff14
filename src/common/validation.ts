import { Matches, type ValidationOptions } from "class-validator";

/** Ids are opaque: 1-128 characters of letters, digits and `._:-`, starting with a letter or digit. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
export const ID_RULE = "1-128 characters: letters, digits, '.', '_', ':' or '-', starting with a letter or digit";

export const isValidId = (value: unknown): boolean => typeof value === "string" && ID_PATTERN.test(value);

/** class-validator rule for an id field (also applied to each element of an id list). */
export function IsEntityId(options: ValidationOptions = {}): PropertyDecorator {
  return Matches(ID_PATTERN, { message: `$property must be an id (${ID_RULE})`, ...options });
}
