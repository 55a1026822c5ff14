import { hasRole, Role, type AuthUser } from "../../auth/roles.js";
import { ReadThroughCache } from "../../common/cache.js";
import { ForbiddenError, UnauthenticatedError } from "../../errors/errors.js";
import type { LearnerRepository } from "./learner.repository.js";

/** How long live subscriptions trust class membership and teaching assignments before reading them again. */
export const ACCESS_TTL_MS = 30_000;

/** Where the rule looks up who teaches whom: fresh reads (requests) or the cache (live events). */
interface Lookup {
  teaches(teacherId: string, learnerIds: readonly string[]): Promise<Set<string>>;
  teachesClass(teacherId: string, classId: string): Promise<boolean>;
}

/**
 * Who may see a learner's data, written once: a learner only their own, a teacher only learners
 * in classes they teach, an admin everything; designers no learner data. Requests check against
 * the database as it is now; live subscriptions, which check every event, through a cache
 * (re-read at most every ACCESS_TTL_MS, so a learner who leaves a class stops being visible on
 * open subscriptions within that time).
 */
export class AccessService {
  private readonly taughtCache = new ReadThroughCache<Set<string>>(ACCESS_TTL_MS, 10_000);
  private readonly teachingCache = new ReadThroughCache<boolean>(ACCESS_TTL_MS, 10_000);
  private readonly membersCache = new ReadThroughCache<Set<string>>(ACCESS_TTL_MS, 10_000);
  private readonly fresh: Lookup;
  private readonly cached: Lookup;

  constructor(private readonly repo: LearnerRepository) {
    this.fresh = {
      teaches: (teacherId, learnerIds) => repo.learnersTaughtBy(teacherId, learnerIds),
      teachesClass: (teacherId, classId) => repo.teaches(teacherId, classId),
    };
    this.cached = {
      teaches: async (teacherId) => (await this.taughtCache.getMany([teacherId], (ids) => Promise.all(ids.map((t) => repo.allLearnersTaughtBy(t)))))[0] ?? new Set(),
      teachesClass: async (teacherId, classId) =>
        (await this.teachingCache.getMany([`${teacherId}\u0000${classId}`], (keys) => Promise.all(keys.map(() => repo.teaches(teacherId, classId)))))[0] === true,
    };
  }

  /** The learners of `learnerIds` the user may see. */
  private async visible(user: AuthUser, learnerIds: readonly string[], lookup: Lookup): Promise<Set<string>> {
    if (hasRole(user, Role.ADMIN)) return new Set(learnerIds);
    const out = new Set<string>();
    if (hasRole(user, Role.LEARNER) && learnerIds.includes(user.sub)) out.add(user.sub);
    const others = learnerIds.filter((id) => !out.has(id));
    if (others.length > 0 && hasRole(user, Role.TEACHER)) {
      const taught = await lookup.teaches(user.sub, others);
      for (const id of others) if (taught.has(id)) out.add(id);
    }
    return out;
  }

  private async classVisible(user: AuthUser, classId: string, lookup: Lookup): Promise<boolean> {
    if (hasRole(user, Role.ADMIN)) return true;
    return hasRole(user, Role.TEACHER) && lookup.teachesClass(user.sub, classId);
  }

  async assertCanReadLearner(user: AuthUser | null, learnerId: string): Promise<void> {
    if (!user) throw new UnauthenticatedError();
    if (!(await this.visible(user, [learnerId], this.fresh)).has(learnerId)) throw new ForbiddenError(`You may not read learner '${learnerId}'.`);
  }

  async assertCanReadClass(user: AuthUser | null, classId: string): Promise<void> {
    if (!user) throw new UnauthenticatedError();
    if (!(await this.classVisible(user, classId, this.fresh))) throw new ForbiddenError(`You may not read class '${classId}'.`);
  }

  /** Admins, and teachers of a class the learner is in (teachers' corrections); no one else, the learner included. */
  async assertTeaches(user: AuthUser | null, learnerId: string): Promise<void> {
    if (!user) throw new UnauthenticatedError();
    if (hasRole(user, Role.ADMIN)) return;
    if (hasRole(user, Role.TEACHER) && (await this.fresh.teaches(user.sub, [learnerId])).has(learnerId)) return;
    throw new ForbiddenError(`Only a teacher of learner '${learnerId}' (or an admin) may correct their mastery.`);
  }

  /** Whose evidence the user may record, for a batch naming `learnerIds` (the same rule as reading). */
  async recorder(user: AuthUser, learnerIds: readonly string[]): Promise<(learnerId: string) => boolean> {
    const allowed = await this.visible(user, [...new Set(learnerIds)], this.fresh);
    return (learnerId) => allowed.has(learnerId);
  }

  /** For live events: the same rule through the cache. */
  async canSeeLearner(user: AuthUser, learnerId: string): Promise<boolean> {
    return (await this.visible(user, [learnerId], this.cached)).has(learnerId);
  }

  async canSeeClass(user: AuthUser, classId: string): Promise<boolean> {
    return this.classVisible(user, classId, this.cached);
  }

  /** A class's learner ids, through the cache (live class subscriptions and alert watchers). */
  async classMembers(classId: string): Promise<Set<string>> {
    const [members] = await this.membersCache.getMany([classId], async (ids) => {
      const lists = await this.repo.learnersOfClasses(ids);
      return lists.map((list) => new Set(list.map((l) => l.id)));
    });
    return members ?? new Set();
  }
}
