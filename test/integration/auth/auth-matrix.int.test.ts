import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "../../../src/auth/roles.js";
import {
  ClassCorrectionsDocument,
  ClassroomDocument,
  CheckDriftDocument,
  CorrectMasteryDocument,
  ConceptsDocument,
  CreateConceptDocument,
  CurriculumReportDocument,
  DriftDetectedDocument,
  LearnerClassmatesDocument,
  LearnerClassViewsDocument,
  LearnerDocument,
  MapActivitiesDocument,
  MeDocument,
  MyClassesDocument,
} from "../../generated/graphql.js";
import { uniquePrefix } from "../../utils/ids.js";
import { until } from "../../utils/ws.js";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { print } from "graphql";
import { codes, startTestServer, type TestServer } from "../../utils/server.js";

let s: TestServer;
const P = uniquePrefix("auth");
const L1 = `${P}learner-1`;
const L2 = `${P}learner-2`;
const T1 = `${P}teacher-1`;
const C1 = `${P}class-1`;
const C2 = `${P}class-2`;
let tokens: Record<string, string | null>;

beforeAll(async () => {
  s = await startTestServer();
  await s.frontier.services.learners.upsertPeople({
    classes: [{ id: C1, name: "One" }, { id: C2, name: "Two" }],
    teachers: [{ id: T1, classIds: [C1] }],
    learners: [{ id: L1, classIds: [C1] }, { id: L2, classIds: [C2] }],
  });
  tokens = {
    anonymous: null,
    learner1: await s.token(Role.LEARNER, L1),
    teacher1: await s.token(Role.TEACHER, T1),
    designer: s.designer,
    admin: s.admin,
    producer: await s.token(Role.PRODUCER, `${P}lms`),
  };
  await s.gql(CreateConceptDocument, { input: { id: `${P}fixed`, name: "fixed", tags: [], prerequisites: [] } }, s.designer);
});
afterAll(async () => {
  await s?.cleanup(P);
  await s?.stop();
});

const OK = "OK";

/**
 * Subscribes to driftDetected over a real graphql-ws connection: OK once the server's stream has
 * the subscriber, else the code of the error it answered; a socket without a token is closed
 * with 4403 before any operation (graphql-ws's refusal in onConnect).
 */
async function subscribeToDrift(token: string | null): Promise<{ errors?: Array<{ extensions?: { code?: string } }>; data?: unknown }> {
  const client = createClient({ url: s.url.replace(/^http/, "ws"), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true, connectionParams: token ? { authorization: `Bearer ${token}` } : {} });
  const topic = s.frontier.services.live.hub.drift;
  const before = topic.size;
  let failure: Array<{ extensions?: { code?: string } }> | null = null;
  client.subscribe({ query: print(DriftDetectedDocument) }, {
    // A refused subscription is an execution result with errors (then complete).
    next: (v) => {
      if (v.errors?.length) failure = v.errors as unknown as typeof failure;
    },
    error: (e) => {
      if (Array.isArray(e)) failure = e as typeof failure;
      else failure = [{ extensions: { code: `CLOSED ${(e as { code?: number }).code}` } }];
    },
    complete: () => {},
  });
  await until(() => failure !== null || topic.size > before);
  await client.dispose();
  return failure ? { errors: failure } : { data: {} };
}

/** POST /xapi/statements, its answer shaped like a GraphQL one (errors with codes) for the matrix. */
async function sendStatement(token: string | null, learnerId: string): Promise<{ errors?: unknown[]; data?: unknown }> {
  const statement = {
    id: randomUUID(),
    actor: { account: { homePage: "https://lms.example", name: learnerId } },
    verb: { id: "http://adlnet.gov/expapi/verbs/answered" },
    object: { id: "https://lms.example/unmapped-activity" },
    result: { success: true },
  };
  const res = await fetch(`${s.frontier.url}/xapi/statements`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-experience-api-version": "1.0.3", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(statement),
  });
  return res.ok ? { data: await res.json() } : ((await res.json()) as { errors: unknown[] });
}
/** Expected outcome per caller: OK or the error code. */
const matrix: Array<{ name: string; run: (t: string | null) => Promise<{ errors?: unknown[]; data?: unknown }>; expect: Record<string, string> }> = [
  {
    name: "read concepts (public curriculum)",
    run: (t) => s.gql(ConceptsDocument, { first: 1 }, t),
    expect: { anonymous: OK, learner1: OK, teacher1: OK, designer: OK, admin: OK, producer: OK },
  },
  {
    name: "create a concept",
    run: (t) => s.gql(CreateConceptDocument, { input: { id: `${P}c-${Math.random().toString(36).slice(2)}`, name: "x", tags: [], prerequisites: [] } }, t),
    expect: { anonymous: "UNAUTHENTICATED", learner1: "FORBIDDEN", teacher1: "FORBIDDEN", designer: OK, admin: OK, producer: "FORBIDDEN" },
  },
  {
    name: "curriculum report",
    run: (t) => s.gql(CurriculumReportDocument, {}, t),
    expect: { anonymous: "UNAUTHENTICATED", learner1: "FORBIDDEN", teacher1: "FORBIDDEN", designer: OK, admin: OK, producer: "FORBIDDEN" },
  },
  {
    name: "read learner 1 (in teacher 1's class)",
    run: (t) => s.gql(LearnerDocument, { id: L1 }, t),
    expect: { anonymous: "UNAUTHENTICATED", learner1: OK, teacher1: OK, designer: "FORBIDDEN", admin: OK, producer: "FORBIDDEN" },
  },
  {
    name: "read learner 2 (another class)",
    run: (t) => s.gql(LearnerDocument, { id: L2 }, t),
    expect: { anonymous: "UNAUTHENTICATED", learner1: "FORBIDDEN", teacher1: "FORBIDDEN", designer: "FORBIDDEN", admin: OK, producer: "FORBIDDEN" },
  },
  {
    name: "read class 1",
    run: (t) => s.gql(ClassroomDocument, { id: C1 }, t),
    expect: { anonymous: "UNAUTHENTICATED", learner1: "FORBIDDEN", teacher1: OK, designer: "FORBIDDEN", admin: OK, producer: "FORBIDDEN" },
  },
  {
    name: "read class 2",
    run: (t) => s.gql(ClassroomDocument, { id: C2 }, t),
    expect: { anonymous: "UNAUTHENTICATED", learner1: "FORBIDDEN", teacher1: "FORBIDDEN", designer: "FORBIDDEN", admin: OK, producer: "FORBIDDEN" },
  },
  {
    name: "list classmates through learner.classes",
    run: (t) => s.gql(LearnerClassmatesDocument, { id: L1 }, t),
    expect: { anonymous: "UNAUTHENTICATED", learner1: "FORBIDDEN", teacher1: OK, designer: "FORBIDDEN", admin: OK, producer: "FORBIDDEN" },
  },
  {
    name: "class alerts and heatmap through learner.classes",
    run: (t) => s.gql(LearnerClassViewsDocument, { id: L1 }, t),
    expect: { anonymous: "UNAUTHENTICATED", learner1: "FORBIDDEN", teacher1: OK, designer: "FORBIDDEN", admin: OK, producer: "FORBIDDEN" },
  },
  {
    name: "my classes",
    run: (t) => s.gql(MyClassesDocument, {}, t),
    expect: { anonymous: "UNAUTHENTICATED", learner1: "FORBIDDEN", teacher1: OK, designer: "FORBIDDEN", admin: "FORBIDDEN", producer: "FORBIDDEN" },
  },
  {
    name: "correct learner 1's mastery",
    run: (t) => s.gql(CorrectMasteryDocument, { learnerId: L1, conceptId: `${P}fixed`, p: 0.8, reason: "oral exam" }, t),
    expect: { anonymous: "UNAUTHENTICATED", learner1: "FORBIDDEN", teacher1: OK, designer: "FORBIDDEN", admin: OK, producer: "FORBIDDEN" },
  },
  {
    name: "correct learner 2's mastery (another class)",
    run: (t) => s.gql(CorrectMasteryDocument, { learnerId: L2, conceptId: `${P}fixed`, p: 0.8, reason: "oral exam" }, t),
    expect: { anonymous: "UNAUTHENTICATED", learner1: "FORBIDDEN", teacher1: "FORBIDDEN", designer: "FORBIDDEN", admin: OK, producer: "FORBIDDEN" },
  },
  {
    name: "read class 1's correction log",
    run: (t) => s.gql(ClassCorrectionsDocument, { id: C1 }, t),
    expect: { anonymous: "UNAUTHENTICATED", learner1: "FORBIDDEN", teacher1: OK, designer: "FORBIDDEN", admin: OK, producer: "FORBIDDEN" },
  },
  {
    name: "read drift figures (dataQuality.drift)",
    run: (t) => s.gql("{ dataQuality { drift(recentDays: 1, baselineDays: 1, sources: [\"none\"]) { threshold } } }", {}, t),
    expect: { anonymous: "UNAUTHENTICATED", learner1: "FORBIDDEN", teacher1: "FORBIDDEN", designer: "FORBIDDEN", admin: OK, producer: "FORBIDDEN" },
  },
  {
    name: "check for drift now (checkDrift)",
    run: (t) => s.gql(CheckDriftDocument, { sources: ["none"] }, t),
    expect: { anonymous: "UNAUTHENTICATED", learner1: "FORBIDDEN", teacher1: "FORBIDDEN", designer: "FORBIDDEN", admin: OK, producer: "FORBIDDEN" },
  },
  {
    name: "subscribe to drift alerts (driftDetected, WebSocket)",
    run: (t) => subscribeToDrift(t),
    expect: { anonymous: "CLOSED 4403", learner1: "FORBIDDEN", teacher1: "FORBIDDEN", designer: "FORBIDDEN", admin: OK, producer: "FORBIDDEN" },
  },
  {
    name: "load the xAPI activity table",
    run: (t) => s.gql(MapActivitiesDocument, { rows: [{ activityId: "https://lms.example/nothing", itemId: null }] }, t),
    expect: { anonymous: "UNAUTHENTICATED", learner1: "FORBIDDEN", teacher1: "FORBIDDEN", designer: OK, admin: OK, producer: "FORBIDDEN" },
  },
  {
    name: "send an xAPI statement about learner 1 (POST /xapi/statements)",
    run: (t) => sendStatement(t, L1),
    expect: { anonymous: "UNAUTHENTICATED", learner1: OK, teacher1: OK, designer: "FORBIDDEN", admin: OK, producer: OK },
  },
  {
    name: "send an xAPI statement about learner 2 (POST /xapi/statements)",
    run: (t) => sendStatement(t, L2),
    expect: { anonymous: "UNAUTHENTICATED", learner1: "FORBIDDEN", teacher1: "FORBIDDEN", designer: "FORBIDDEN", admin: OK, producer: OK },
  },
];

describe("auth matrix: every role against every kind of operation", () => {
  for (const row of matrix) {
    for (const caller of ["anonymous", "learner1", "teacher1", "designer", "admin", "producer"]) {
      it(`${row.name} as ${caller} -> ${row.expect[caller]}`, async () => {
        const r = await row.run(tokens[caller] ?? null);
        const outcome = r.errors?.length ? codes(r as never)[0] : OK;
        expect(outcome).toBe(row.expect[caller]);
      });
    }
  }

  it("teacher 1 sees exactly their class's learners", async () => {
    const r = await s.gql(ClassroomDocument, { id: C1 }, tokens.teacher1);
    expect(r.data?.classroom).toEqual({ id: C1, name: "One", teacherIds: [T1], learners: [{ id: L1 }] });
  });
});

describe("tokens", () => {
  it("me reflects the token", async () => {
    const r = await s.gql(MeDocument, {}, tokens.teacher1);
    expect(r.data?.me).toEqual({ id: T1, roles: ["TEACHER"] });
  });

  it("rejects expired, forged and malformed tokens with 401 UNAUTHENTICATED", async () => {
    const expired = await s.token(Role.ADMIN, "x", Math.floor(Date.now() / 1000) - 10);
    const forged = `${(tokens.admin ?? "").slice(0, -4)}AAAA`;
    for (const t of [expired, forged, "not.a.jwt"]) {
      const r = await s.gql(MeDocument, {}, t);
      expect(r.status).toBe(401);
      expect(codes(r)).toEqual(["UNAUTHENTICATED"]);
    }
    const res = await fetch(s.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Basic Zm9vOmJhcg==" },
      body: JSON.stringify({ query: "{ me { id } }" }),
    });
    expect(res.status).toBe(401);
  });

  it("a token signed with another secret is refused", async () => {
    const { signToken } = await import("../../../src/auth/tokens.js");
    const other = await signToken({ JWT_SECRET: "another-secret-of-enough-length", JWT_ISSUER: s.config.JWT_ISSUER, JWT_AUDIENCE: s.config.JWT_AUDIENCE }, { sub: "x", roles: [Role.ADMIN] });
    expect(codes(await s.gql(MeDocument, {}, other))).toEqual(["UNAUTHENTICATED"]);
  });
});

describe("PUBLIC_CURRICULUM=false", () => {
  it("requires a token for curriculum reads", async () => {
    const closed = await startTestServer({ PUBLIC_CURRICULUM: "false" });
    try {
      expect(codes(await closed.gql(ConceptsDocument, { first: 1 }))).toEqual(["UNAUTHENTICATED"]);
      expect((await closed.gql(ConceptsDocument, { first: 1 }, closed.designer)).errors).toBeUndefined();
    } finally {
      await closed.stop();
    }
  });
});

describe("JWKS_URL (production key sets)", () => {
  it("verifies RS256 tokens against a remote key set and refuses HS256 ones", async () => {
    const { generateKeyPair, exportJWK, SignJWT } = await import("jose");
    const { createServer } = await import("node:http");
    const { privateKey, publicKey } = await generateKeyPair("RS256");
    const jwk = { ...(await exportJWK(publicKey)), kid: "k1", alg: "RS256", use: "sig" };
    const jwks = createServer((_req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((r) => jwks.listen(0, "127.0.0.1", () => r()));
    const port = (jwks.address() as { port: number }).port;
    const prod = await startTestServer({ JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`, JWT_SECRET: "" });
    try {
      const good = await new SignJWT({ roles: ["TEACHER"] })
        .setProtectedHeader({ alg: "RS256", kid: "k1" })
        .setSubject("t-jwks")
        .setIssuer(prod.config.JWT_ISSUER)
        .setAudience(prod.config.JWT_AUDIENCE)
        .setExpirationTime("5m")
        .sign(privateKey);
      expect((await prod.gql(MeDocument, {}, good)).data?.me).toEqual({ id: "t-jwks", roles: ["TEACHER"] });
      const hs = await s.token(Role.ADMIN, "intruder");
      expect(codes(await prod.gql(MeDocument, {}, hs))).toEqual(["UNAUTHENTICATED"]);
    } finally {
      await prod.stop();
      jwks.close();
    }
  });
});
