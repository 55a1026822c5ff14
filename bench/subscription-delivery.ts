/**
 * subscriptionDelivery: publish-to-receive latency with N subscribed dashboards while answers are
 * ingested at a fixed rate, on one server and, when `redis-server` is available, with two servers
 * sharing a real Redis (answers through A, every dashboard on B). Also the memory each idle
 * connection costs the server (RSS and heap, from its /metrics, before and after connecting).
 *
 * Dashboards live in a separate process (bench/ws-clients.ts). Each subscribes to
 * masteryChanged(classId) as the class's teacher; classes have CLASS_SIZE learners and
 * DASHBOARDS_PER_CLASS dashboards each, so every answer reaches several sockets.
 */
import { fork, spawn, spawnSync, type ChildProcess } from "node:child_process";
import net from "node:net";
import type { Driver } from "neo4j-driver";
import { signToken } from "../src/auth/tokens.js";
import type { Config } from "../src/config.js";
import { cypher } from "../src/neo4j/cypher.js";
import { startServer, summarise } from "./lib.js";

const CLASS_SIZE = 20;
const DASHBOARDS_PER_CLASS = 5;

export interface SubscriptionDeliveryOptions {
  config: Config;
  driver: Driver;
  /** The bench's running server (single-server mode). */
  url: string;
  prefix: string;
  subscribers: number;
  /** Answers per second to ingest while measuring. */
  rate: number;
  seconds: number;
  /** Also measure two servers through Redis (when redis-server is installed). */
  twoServers: boolean;
  /** Item ids answers may use (each assesses one concept). */
  items: string[];
  log: (m: string) => void;
}

export interface DeliveryFigures {
  subscribers: number;
  answersPerSecond: number;
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  delivered: number;
  expectedDeliveries: number;
  errors: number;
}

interface Report {
  latencies: number[];
  received: number;
  errors: number;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });

export async function metrics(url: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const out: Record<string, number> = {};
  for (const line of text.split("\n")) {
    const m = /^([a-z_]+) ([0-9.e+-]+)$/.exec(line);
    if (m?.[1] && m[2]) out[m[1]] = Number(m[2]);
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The server's memory floor over a few seconds: the lowest heap-used and RSS sampled every 200 ms.
 * A single sample lands anywhere in the garbage collector's cycle; the floor is close to the live
 * memory after a collection, which is what an idle connection costs.
 */
export async function memoryFloor(url: string, ms = 4000): Promise<{ heap: number; rss: number }> {
  let heap = Infinity;
  let rss = Infinity;
  for (const end = Date.now() + ms; Date.now() < end; await sleep(200)) {
    const m = await metrics(url);
    heap = Math.min(heap, m.frontier_nodejs_heap_size_used_bytes ?? Infinity);
    rss = Math.min(rss, m.frontier_process_resident_memory_bytes ?? Infinity);
  }
  return { heap, rss };
}

/** The dashboards' classes, teachers and learners (learner ids are the ones answers go to). */
async function people(o: SubscriptionDeliveryOptions) {
  const classes = Math.ceil(o.subscribers / DASHBOARDS_PER_CLASS);
  const doc = {
    classes: Array.from({ length: classes }, (_, k) => ({ id: `${o.prefix}k${k}`, name: `Class ${k}` })),
    teachers: Array.from({ length: classes }, (_, k) => ({ id: `${o.prefix}t${k}`, classIds: [`${o.prefix}k${k}`] })),
    learners: Array.from({ length: classes * CLASS_SIZE }, (_, i) => ({ id: `${o.prefix}sl${i}`, classIds: [`${o.prefix}k${Math.floor(i / CLASS_SIZE)}`] })),
  };
  const session = o.driver.session({ database: o.config.NEO4J_DATABASE });
  try {
    await session.run(cypher("seed/upsert-people").text, doc);
  } finally {
    await session.close();
  }
  const dashboards = await Promise.all(
    Array.from({ length: o.subscribers }, async (_, i) => {
      const k = i % classes;
      return { classId: `${o.prefix}k${k}`, token: await signToken(o.config, { sub: `${o.prefix}t${k}`, roles: ["TEACHER" as never], expiresIn: "2h" }) };
    }),
  );
  return { learners: doc.learners.map((l) => l.id), dashboards };
}

async function measure(o: SubscriptionDeliveryOptions, subscribeUrl: string, ingestUrl: string, learners: string[], dashboards: Array<{ token: string; classId: string }>, label: string) {
  const admin = await signToken(o.config, { sub: "bench", roles: ["ADMIN" as never] });
  const before = await memoryFloor(subscribeUrl);
  const child = fork("bench/ws-clients.ts", [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "ignore", "inherit", "ipc"] });
  const next = <T>(type: string) => new Promise<T>((resolve) => child.on("message", (m: { type: string }) => m.type === type && resolve(m as T)));
  try {
    const connected = next("connected");
    child.send({ type: "start", url: `${subscribeUrl.replace(/^http/, "ws")}/graphql`, dashboards });
    await connected;
    // Subscriptions register asynchronously after the sockets open: wait until the server has them all.
    for (let i = 0; i < 200 && ((await metrics(subscribeUrl)).frontier_live_subscriptions ?? 0) < dashboards.length; i++) await sleep(100);
    await sleep(1500);
    const idle = await memoryFloor(subscribeUrl);
    o.log(`${label}: ${dashboards.length} dashboards connected and subscribed; ingesting ${o.rate} answers/s for ${o.seconds} s`);

    // Ingest at a fixed rate: a batch every 50 ms, from this process, through recordEvents.
    const perBatch = Math.max(1, Math.round(o.rate / 20));
    let seq = 0;
    let sentAnswers = 0;
    /** Mastery changes the accepted answers committed (an answer can move several concepts: implied evidence). */
    let sentChanges = 0;
    let errors = 0;
    const clock = Date.now() - 3600_000;
    const answer = () => {
      seq++;
      return {
        eventId: `${o.prefix}sd-${label}-${seq}`,
        learnerId: learners[(seq * 7919) % learners.length],
        itemId: o.items[(seq * 104729) % o.items.length],
        correct: seq % 3 !== 0,
        occurredAt: new Date(clock + seq).toISOString(),
      };
    };
    const post = async (events: unknown[]) => {
      const res = await fetch(`${ingestUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${admin}` },
        body: JSON.stringify({ query: "mutation($e: [EventInput!]!) { recordEvents(events: $e) { accepted masteryChangeCount } }", variables: { e: events } }),
      });
      const body = (await res.json()) as { data?: { recordEvents: { accepted: number; masteryChangeCount: number } }; errors?: unknown };
      if (body.errors || !body.data) errors++;
      else {
        sentAnswers += body.data.recordEvents.accepted;
        sentChanges += body.data.recordEvents.masteryChangeCount;
      }
    };
    // Warm-up (not measured), then the measured window.
    const run = async (ms: number) => {
      const inflight: Array<Promise<void>> = [];
      const start = Date.now();
      for (let tick = 0; Date.now() - start < ms; tick++) {
        inflight.push(post(Array.from({ length: perBatch }, answer)));
        const wait = start + (tick + 1) * 50 - Date.now();
        if (wait > 0) await sleep(wait);
      }
      await Promise.all(inflight);
    };
    await run(Math.min(3000, o.seconds * 300));
    // Only now, after the warm-up, measure; a report of what arrived during the warm-up is discarded.
    await sleep(500);
    child.send({ type: "measure" });
    sentAnswers = 0;
    sentChanges = 0;
    const measuredStart = Date.now();
    await run(o.seconds * 1000);
    const elapsed = (Date.now() - measuredStart) / 1000;
    await sleep(1000);
    const reported = next<Report>("report");
    child.send({ type: "report" });
    const report = await reported;
    const stats = summarise(report.latencies);
    return {
      figures: {
        subscribers: dashboards.length,
        answersPerSecond: Math.round(sentAnswers / elapsed),
        p50Ms: report.latencies.length ? stats.p50Ms : null,
        p99Ms: report.latencies.length ? stats.p99Ms : null,
        maxMs: report.latencies.length ? report.latencies.reduce((a, b) => Math.max(a, b), -Infinity) : null,
        delivered: report.latencies.length,
        // Every change goes to each of its learner's class's dashboards.
        expectedDeliveries: sentChanges * DASHBOARDS_PER_CLASS,
        errors: errors + report.errors,
      } satisfies DeliveryFigures,
      memory: {
        rssPerConnectionKiB: Math.round((idle.rss - before.rss) / dashboards.length / 1024),
        heapPerConnectionKiB: Math.round((idle.heap - before.heap) / dashboards.length / 1024),
      },
    };
  } finally {
    child.send({ type: "stop" });
    await new Promise((r) => child.once("exit", r));
  }
}

/**
 * A runnable redis-server: the one on PATH, or the one scripts/redis.mjs unpacks from Maven
 * Central (as the tests use), so a fresh machine measures the two-server run too. Null: none.
 */
function redisServer(): string | null {
  const r = spawnSync(process.execPath, ["scripts/redis.mjs", "path"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}

/** Resolves once something accepts connections on the port (at most `ms`). */
async function listening(port: number, ms = 15_000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (up) return true;
  }
  return false;
}

export async function subscriptionDelivery(o: SubscriptionDeliveryOptions) {
  const { learners, dashboards } = await people(o);
  o.log(`subscriptionDelivery: one server, ${dashboards.length} dashboards in ${Math.ceil(dashboards.length / DASHBOARDS_PER_CLASS)} classes of ${CLASS_SIZE}`);
  const single = await measure(o, o.url, o.url, learners, dashboards, "single");
  let redis: DeliveryFigures | null = null;
  let redisNote: string | null = null;
  const redisPath = o.twoServers ? redisServer() : null;
  if (!o.twoServers) {
    redisNote = "two-server run skipped (--quick)";
  } else if (redisPath) {
    const port = await freePort();
    const server: ChildProcess = spawn(redisPath, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    const env = { REDIS_URL: `redis://127.0.0.1:${port}` };
    try {
      if (!(await listening(port))) throw new Error(`redis-server (${redisPath}) did not listen on port ${port}`);
      const [a, b] = await Promise.all([startServer(await freePort(), env), startServer(await freePort(), env)]);
      try {
        o.log("subscriptionDelivery: two servers through Redis (answers through A, dashboards on B)");
        redis = (await measure(o, b.url, a.url, learners, dashboards, "redis")).figures;
      } finally {
        await Promise.all([a.stop(), b.stop()]);
      }
    } finally {
      server.kill("SIGTERM");
    }
  } else {
    redisNote = "no redis-server (scripts/redis.mjs found none): the two-server run was skipped";
  }
  return {
    subscribers: single.figures.subscribers,
    p50Ms: single.figures.p50Ms,
    p99Ms: single.figures.p99Ms,
    redisP99Ms: redis?.p99Ms ?? null,
    memoryPerIdleConnection: single.memory,
    oneServer: single.figures,
    redis,
    redisNote,
  };
}
