import { registerEnumType } from "type-graphql";

export enum Role {
  LEARNER = "LEARNER",
  TEACHER = "TEACHER",
  DESIGNER = "DESIGNER",
  ADMIN = "ADMIN",
  /** A learning platform or LRS sending evidence (xAPI, Caliper, recordEvents) for any learner; nothing else. */
  PRODUCER = "PRODUCER",
}
registerEnumType(Role, {
  name: "Role",
  description: "LEARNER: own data. TEACHER: learners in their classes. DESIGNER: edits the curriculum. ADMIN: everything. PRODUCER: sends evidence (recordEvents, /xapi/statements, /caliper) for any learner.",
});

export const ROLES = Object.values(Role);

/** The caller, from a verified token. `sub` is the learner id for learners and the teacher id for teachers. */
export interface AuthUser {
  sub: string;
  roles: Role[];
  /** Token expiry, ms since epoch (subscriptions end when it passes). */
  expiresAt: number | null;
}

export const hasRole = (user: AuthUser | null, ...roles: Role[]): boolean =>
  user !== null && user.roles.some((r) => roles.includes(r));

/** Pseudo-role for @Authorized on curriculum reads: anyone when PUBLIC_CURRICULUM, else any signed-in user. */
export const CURRICULUM_READ = "CURRICULUM_READ";
