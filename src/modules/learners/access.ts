import { hasRole, Role, type AuthUser } from "../../auth/roles.js";
import { ForbiddenError, UnauthenticatedError } from "../../errors/errors.js";
import type { LearnerRepository } from "./learner.repository.js";

/**
 * Object-level access to learner data: a learner reads only their own, a teacher only
 * learners in classes they teach, an admin everything. Designers see no learner data.
 */
export class LearnerAccess {
  constructor(private readonly repo: LearnerRepository) {}

  async assertCanReadLearner(user: AuthUser | null, learnerId: string): Promise<void> {
    if (!user) throw new UnauthenticatedError();
    if (hasRole(user, Role.ADMIN)) return;
    if (hasRole(user, Role.LEARNER) && user.sub === learnerId) return;
    if (hasRole(user, Role.TEACHER) && (await this.repo.learnersTaughtBy(user.sub, [learnerId])).has(learnerId)) return;
    throw new ForbiddenError(`You may not read learner '${learnerId}'.`);
  }

  async assertCanReadClass(user: AuthUser | null, classId: string): Promise<void> {
    if (!user) throw new UnauthenticatedError();
    if (hasRole(user, Role.ADMIN)) return;
    if (hasRole(user, Role.TEACHER) && (await this.repo.teaches(user.sub, classId))) return;
    throw new ForbiddenError(`You may not read class '${classId}'.`);
  }
}
