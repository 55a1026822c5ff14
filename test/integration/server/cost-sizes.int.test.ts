import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "../../../src/auth/roles.js";
import { uniquePrefix } from "../../utils/ids.js";
import { codes, startTestServer, type TestServer } from "../../utils/server.js";

// The cost estimate follows the caller's real list sizes (issue 19, "what the client must not
// meet", 3): an ordinary dashboard passes, the same shape over a large class is still refused.
let s: TestServer;
const P = uniquePrefix("cost");
const DASHBOARD = "{ myClasses { id teacherIds learners { id mastery { p } } } }";

beforeAll(async () => {
  s = await startTestServer();
  await s.frontier.services.learners.upsertPeople({
    classes: [{ id: `${P}small`, name: "Small" }, { id: `${P}big`, name: "Big" }],
    teachers: [{ id: `${P}t-small`, classIds: [`${P}small`] }, { id: `${P}t-big`, classIds: [`${P}big`] }],
    learners: [
      ...Array.from({ length: 9 }, (_, i) => ({ id: `${P}s${i}`, classIds: [`${P}small`] })),
      ...Array.from({ length: 400 }, (_, i) => ({ id: `${P}b${i}`, classIds: [`${P}big`] })),
    ],
  });
});
afterAll(async () => {
  await s?.cleanup(P);
  await s?.stop();
});

describe("cost from known list sizes", () => {
  it("lets a teacher of one class of 9 read every learner's mastery (refused before: estimated 42,831)", async () => {
    const r = await s.gql<{ myClasses: { id: string; learners: { id: string }[] }[] }, Record<string, never>>(DASHBOARD, {}, await s.token(Role.TEACHER, `${P}t-small`));
    expect(r.errors).toBeUndefined();
    expect(r.data?.myClasses.map((c) => [c.id, c.learners.length])).toEqual([[`${P}small`, 9]]);
  });

  it("still refuses the same shape when the teacher's class really is large", async () => {
    const heavy = "{ myClasses { learners { id mastery { p explanation { text } } } } }";
    const r = await s.gql(heavy, {}, await s.token(Role.TEACHER, `${P}t-big`));
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(["QUERY_TOO_COMPLEX"]);
    // Same document, the small class: allowed. The limit follows the rows, not the shape.
    const small = await s.gql(heavy, {}, await s.token(Role.TEACHER, `${P}t-small`));
    expect(small.errors).toBeUndefined();
  });
});
