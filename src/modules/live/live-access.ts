import { hasRole, Role, type AuthUser } from "../../auth/roles.js";
import type { LearnerRepository } from "../learners/learner.repository.js";

/** How long class membership and teaching assignments are trusted before being read again. */
export const ACCESS_TTL_MS = 30_000;

/** A small TTL cache that also shares the in-flight load between concurrent callers. */
class TtlCache<V> {
  private readonly entries = new Map<string, { at: number; value: Promise<V> }>();
  constructor(private readonly ttlMs: number) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value;
    const value = load();
    this.entries.set(key, { at: Date.now(), value });
    value.catch(() => this.entries.delete(key));
    if (this.entries.size > 10_000) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}

/**
 * Per-event authorisation for live subscriptions, shared by all subscriptions of this server:
 * a learner sees only their own changes, a teacher only learners of the classes they teach
 * (re-read at most every ACCESS_TTL_MS, so a learner who leaves a class stops being visible
 * within that time), an admin everything.
 */
export class LiveAccess {
  private readonly taught = new TtlCache<Set<string>>(ACCESS_TTL_MS);
  private readonly members = new TtlCache<Set<string>>(ACCESS_TTL_MS);
  private readonly teaching = new TtlCache<boolean>(ACCESS_TTL_MS);

  constructor(private readonly learners: LearnerRepository) {}

  async canSeeLearner(user: AuthUser, learnerId: string): Promise<boolean> {
    if (hasRole(user, Role.ADMIN)) return true;
    if (hasRole(user, Role.LEARNER) && user.sub === learnerId) return true;
    if (!hasRole(user, Role.TEACHER)) return false;
    return (await this.taught.get(user.sub, () => this.learners.allLearnersTaughtBy(user.sub))).has(learnerId);
  }

  async canSeeClass(user: AuthUser, classId: string): Promise<boolean> {
    if (hasRole(user, Role.ADMIN)) return true;
    if (!hasRole(user, Role.TEACHER)) return false;
    return this.teaching.get(`${user.sub}\u0000${classId}`, () => this.learners.teaches(user.sub, classId));
  }

  classMembers(classId: string): Promise<Set<string>> {
    return this.members.get(classId, async () => {
      const [list] = await this.learners.learnersOfClasses([classId]);
      return new Set((list ?? []).map((l) => l.id));
    });
  }
}
