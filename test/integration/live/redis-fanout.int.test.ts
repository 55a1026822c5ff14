import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import net from "node:net";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "../../../src/auth/roles.js";
import { signToken } from "../../../src/auth/tokens.js";
import { loadConfig } from "../../../src/config.js";
import { CurriculumChangedDocument, ImportCurriculumDocument, RecordEventsDocument, UpdateConceptDocument } from "../../generated/graphql.js";
import { uniquePrefix } from "../../utils/ids.js";
import { startTestServer, type TestServer } from "../../utils/server.js";
import { print } from "graphql";

/**
 * Two real server processes sharing a real Redis: a subscriber on B sees a change made through A;
 * with Redis gone both keep serving and report "degraded"; when Redis returns, fan-out resumes.
 */
const P = uniquePrefix("redis");
const config = loadConfig(process.env);
let helper: TestServer;
let redis: ChildProcess | null = null;
let redisPort = 0;
const servers: Array<{ child: ChildProcess; url: string }> = [];

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });

const until = async (cond: () => boolean | Promise<boolean>, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!(await cond()) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
};

/** redis-server from PATH, or the one scripts/redis.mjs unpacks from Maven Central (a fresh machine has none). */
function redisServerPath(): string {
  const r = spawnSync(process.execPath, ["scripts/redis.mjs", "path"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (r.status !== 0) throw new Error("scripts/redis.mjs found no redis-server (see the [redis] lines above).");
  return r.stdout.trim();
}
const redisServer = redisServerPath();

async function startRedis() {
  redis = spawn(redisServer, ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  await until(() => new Promise<boolean>((r) => net.connect(redisPort, "127.0.0.1").once("connect", function (this: net.Socket) { this.destroy(); r(true); }).once("error", () => r(false))));
}

async function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  // node itself (not npx), so that killing the child really ends the server.
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "error", REDIS_URL: `redis://127.0.0.1:${redisPort}` }, stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  await until(async () => {
    try {
      return (await fetch(`${url}/healthz`)).ok;
    } catch {
      return false;
    }
  }, 60_000);
  return { child, url };
}

const health = async (url: string) => (await (await fetch(`${url}/healthz`)).json()) as { status: string; redis: string };

let n = 0;
async function record(url: string, correct: boolean) {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${helper.admin}` },
    body: JSON.stringify({ query: print(RecordEventsDocument), variables: { events: [{ eventId: `${P}e${n++}`, learnerId: `${P}ann`, itemId: `${P}q`, correct, occurredAt: new Date(Date.now() - 60_000 + n).toISOString() }] } }),
  });
  return ((await res.json()) as { data: { recordEvents: { accepted: number } } }).data.recordEvents.accepted;
}

beforeAll(async () => {
  helper = await startTestServer();
  const doc = {
    concepts: [{ id: `${P}c`, name: "C" }, { id: `${P}x`, name: "X" }, { id: `${P}y`, name: "Y" }],
    prerequisites: [{ conceptId: `${P}y`, prerequisiteId: `${P}x` }],
    items: [
      { id: `${P}q`, kind: "QUESTION", title: "q", assesses: [{ conceptId: `${P}c` }] },
      { id: `${P}qx`, kind: "QUESTION", title: "qx", assesses: [{ conceptId: `${P}x` }] },
      { id: `${P}qy`, kind: "QUESTION", title: "qy", assesses: [{ conceptId: `${P}y` }] },
    ],
  };
  await helper.gql(ImportCurriculumDocument, { format: "JSON", content: JSON.stringify(doc) }, helper.designer);
  redisPort = await freePort();
  await startRedis();
  servers.push(await startServer(), await startServer());
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => {
    s.child.once("exit", resolve);
    s.child.kill("SIGTERM");
  })));
  redis?.kill("SIGKILL");
  await helper?.cleanup(P);
  await helper?.stop();
});

describe("fan-out through Redis across two server processes", () => {
  it("delivers a change made through server A to a subscriber on server B, survives Redis going away, and resumes", async () => {
    const [a, b] = servers as unknown as [{ url: string }, { url: string }];
    expect((await health(a.url)).redis).toBe("up");
    const token = await signToken(config, { sub: `${P}ann`, roles: [Role.LEARNER] });
    const client = createClient({ url: `${b.url.replace(/^http/, "ws")}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${token}` } });
    const got: number[] = [];
    client.subscribe<{ masteryChanged: { seq: number } }>(
      { query: "subscription($id: ID) { masteryChanged(learnerId: $id) { seq } }", variables: { id: `${P}ann` } },
      { next: (v) => v.data && got.push(v.data.masteryChanged.seq), error: () => {}, complete: () => {} },
    );
    // The subscription registers on B asynchronously: answer through A until B delivers.
    await until(async () => {
      if (got.length === 0) expect(await record(a.url, true)).toBe(1);
      await new Promise((r) => setTimeout(r, 300));
      return got.length > 0;
    }, 30_000);
    expect(got.length).toBeGreaterThan(0);

    // Redis goes away: both servers keep serving and say so.
    redis?.kill("SIGKILL");
    await until(async () => (await health(a.url)).redis === "down");
    expect(await health(a.url)).toMatchObject({ status: "degraded", redis: "down" });
    expect(await record(a.url, false)).toBe(1);

    // Redis returns: fan-out resumes.
    await startRedis();
    await until(async () => (await health(a.url)).redis === "up" && (await health(b.url)).redis === "up", 30_000);
    const before = got.length;
    expect(await record(a.url, true)).toBe(1);
    await until(() => got.length > before);
    expect(got.length).toBeGreaterThan(before);
    // Sequence numbers keep increasing across the outage (the missed one is in masteryChanges).
    expect(got[got.length - 1]).toBeGreaterThan(got[before - 1] ?? 0);
    await client.dispose();
  });

  it("delivers a curriculum edit made through A exactly once to subscribers on A and on B", async () => {
    const [a, b] = servers as unknown as [{ url: string }, { url: string }];
    await until(async () => (await health(a.url)).redis === "up" && (await health(b.url)).redis === "up", 30_000);
    const token = await signToken(config, { sub: `${P}designer`, roles: [Role.DESIGNER] });
    const received: Record<string, string[]> = { a: [], b: [] };
    const clients = Object.entries({ a, b }).map(([name, server]) => {
      const c = createClient({ url: `${server.url.replace(/^http/, "ws")}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${token}` } });
      c.subscribe<{ curriculumChanged: { entity: string; operation: string; id: string; entityId: string; summary: string; curriculumVersion: number | null } }>(
        { query: print(CurriculumChangedDocument) },
        {
          next: (v) => {
            const ch = v.data?.curriculumChanged;
            if (ch) received[name]?.push(`${ch.entity} ${ch.operation} ${ch.entityId} ${ch.summary} ${ch.curriculumVersion} ${ch.id}`);
          },
          error: () => {},
          complete: () => {},
        },
      );
      return c;
    });
    // Subscriptions register asynchronously: rename until both servers have delivered once.
    let renames = 0;
    const rename = async () => {
      renames++;
      const res = await fetch(`${a.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: print(UpdateConceptDocument), variables: { id: `${P}c`, input: { name: `C${renames}` } } }),
      });
      expect(((await res.json()) as { errors?: unknown }).errors).toBeUndefined();
    };
    await until(async () => {
      if ((received.a?.length ?? 0) === 0 || (received.b?.length ?? 0) === 0) await rename();
      await new Promise((r) => setTimeout(r, 300));
      return (received.a?.length ?? 0) > 0 && (received.b?.length ?? 0) > 0;
    }, 30_000);
    const [na, nb] = [received.a?.length ?? 0, received.b?.length ?? 0];
    // Two more edits: the second is the marker. Redis delivers a channel in order, so once both
    // servers have pushed the marker, a duplicate of the first edit would already be here.
    await rename();
    await rename();
    await until(() => (received.a?.length ?? 0) >= na + 2 && (received.b?.length ?? 0) >= nb + 2);
    const seenA = received.a?.slice(na) ?? [];
    const seenB = received.b?.slice(nb) ?? [];
    expect(seenA).toHaveLength(2);
    // The same two changes, with the same change ids, on both servers.
    expect(seenB).toEqual(seenA);
    expect(seenA.map((s) => s.split(" ").slice(0, 3).join(" "))).toEqual([`CONCEPT UPDATED ${P}c`, `CONCEPT UPDATED ${P}c`]);
    const ids = seenA.map((s) => s.split(" ").at(-1));
    expect(new Set(ids).size).toBe(2);
    // Each carries the version its write made: the second edit committed later, so its version is higher.
    const versions = seenA.map((s) => Number(s.split(" ").at(-2)));
    expect(versions.every((v) => Number.isInteger(v) && v > 0)).toBe(true);
    expect(versions[1]).toBeGreaterThan(versions[0] as number);
    await Promise.all(clients.map((c) => c.dispose()));
  });

  it("serves recommendations on B from a graph copy that follows an edit made through A once B has announced it", async () => {
    const [a, b] = servers as unknown as [{ url: string }, { url: string }];
    await until(async () => (await health(a.url)).redis === "up" && (await health(b.url)).redis === "up", 30_000);
    const post = async (url: string, query: string, variables: object, token: string) => {
      const res = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
      return (await res.json()) as { data?: Record<string, unknown>; errors?: unknown };
    };
    // Bob masters X through A (5 right answers).
    const events = Array.from({ length: 5 }, (_, k) => ({ eventId: `${P}bob${k}`, learnerId: `${P}bob`, itemId: `${P}qx`, correct: true, occurredAt: new Date(Date.now() - 600_000 + k * 60_000).toISOString() }));
    expect((await post(a.url, print(RecordEventsDocument), { events }, helper.admin)).errors).toBeUndefined();
    const recsOnB = async () => {
      const r = await post(b.url, "query($id: ID!) { learner(id: $id) { recommendations(limit: 5) { concept { id } explanation } } }", { id: `${P}bob` }, helper.admin);
      expect(r.errors).toBeUndefined();
      return ((r.data?.learner as { recommendations: Array<{ concept: { id: string }; explanation: string }> }).recommendations ?? []).find((x) => x.concept.id === `${P}y`);
    };
    expect((await recsOnB())?.explanation).toMatch(/^You have mastered X, which Y needs/); // B's copy is warm
    const designer = await signToken(config, { sub: `${P}designer`, roles: [Role.DESIGNER] });
    const seen: string[] = [];
    const client = createClient({ url: `${b.url.replace(/^http/, "ws")}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${designer}` } });
    client.subscribe<{ curriculumChanged: { entityId: string; summary: string } }>(
      { query: print(CurriculumChangedDocument) },
      { next: (v) => v.data && seen.push(`${v.data.curriculumChanged.entityId} ${v.data.curriculumChanged.summary}`), error: () => {}, complete: () => {} },
    );
    // Rename X through A until B has delivered a rename (its subscription registers asynchronously);
    // B forgets its copy before it delivers, so the next read on B names the new X.
    let k = 0;
    await until(async () => {
      if (seen.length === 0) {
        k++;
        expect((await post(a.url, print(UpdateConceptDocument), { id: `${P}x`, input: { name: `X${k}` } }, designer)).errors).toBeUndefined();
      }
      await new Promise((r) => setTimeout(r, 300));
      return seen.length > 0;
    }, 30_000);
    // One more rename, now that B delivers: once B has delivered it, B's next read must name it.
    const before = seen.length;
    k++;
    expect((await post(a.url, print(UpdateConceptDocument), { id: `${P}x`, input: { name: `X${k}` } }, designer)).errors).toBeUndefined();
    const last = `X${k}`;
    await until(() => seen.length > before);
    expect(seen.length).toBeGreaterThan(before);
    expect((await recsOnB())?.explanation).toMatch(new RegExp(`^You have mastered ${last}, which Y needs`));
    // Without waiting for the notice: B's next read after A's commit is already fresh (the
    // curriculum version its learner read returns is ahead of what B has applied).
    k++;
    expect((await post(a.url, print(UpdateConceptDocument), { id: `${P}x`, input: { name: `X${k}` } }, designer)).errors).toBeUndefined();
    expect((await recsOnB())?.explanation).toMatch(new RegExp(`^You have mastered X${k}, which Y needs`));
    await client.dispose();
  });
});
