import type { AuthChecker } from "type-graphql";
import { CURRICULUM_READ, hasRole, type Role } from "../auth/roles.js";
import { ForbiddenError, UnauthenticatedError } from "../errors/errors.js";
import type { Context } from "../server/context.js";

/**
 * Role checks for @Authorized. Throws our own typed errors so clients get UNAUTHENTICATED
 * (no or bad token) or FORBIDDEN (wrong role) rather than a generic "Access denied".
 * Object-level rules (which learner, which class) live in LearnerAccess.
 */
export function createAuthChecker(publicCurriculum: boolean): AuthChecker<Context> {
  return ({ context }, roles) => {
    if (roles.includes(CURRICULUM_READ)) {
      if (publicCurriculum || context.user) return true;
      throw new UnauthenticatedError();
    }
    if (!context.user) throw new UnauthenticatedError();
    if (roles.length === 0 || hasRole(context.user, ...(roles as Role[]))) return true;
    throw new ForbiddenError(`This needs one of the roles: ${roles.join(", ")}.`);
  };
}
