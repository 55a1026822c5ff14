import { signToken } from "../auth/tokens.js";
import { Role } from "../auth/roles.js";
import type { Config } from "../config.js";

/** Who the development links sign in as: people of the seed data (seeds/003-learners.json). */
export const DEV_PEOPLE = [
  { label: "Teacher (class-7a)", sub: "teacher-ada", roles: [Role.TEACHER], path: "/app/teacher?class=class-7a" },
  { label: "Designer", sub: "designer-demo", roles: [Role.DESIGNER], path: "/app/designer?concept=equivalent-fractions" },
  { label: "Learner", sub: "learner-001", roles: [Role.LEARNER], path: "/app/learner" },
];

/**
 * Ready-to-click links for the demo, with a development token in the URL fragment (the app moves
 * it to sessionStorage and drops it from the address bar). Never in production: there no token is
 * minted, and the answer is an empty list.
 */
export async function developmentLinks(config: Config, baseUrl: string): Promise<{ label: string; url: string }[]> {
  if (config.NODE_ENV === "production" || !config.JWT_SECRET || config.JWKS_URL) return [];
  return Promise.all(
    DEV_PEOPLE.map(async (p) => {
      const token = await signToken(config, { sub: p.sub, roles: [...p.roles], expiresIn: "12h" });
      return { label: p.label, url: `${baseUrl}${p.path}#token=${token}` };
    }),
  );
}
