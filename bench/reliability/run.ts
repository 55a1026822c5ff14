import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import { startFrontier, type Frontier } from "../../src/app.js";
import { Role } from "../../src/auth/roles.js";
import { signToken } from "../../src/auth/tokens.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { offlineCypher } from "../../src/neo4j/cypher.js";
import { fuzz } from "./campaign.js";
import { killApi } from "./faults/kill-api.js";
import { neo4jRestart } from "./faults/neo4j-restart.js";
import { redisRestart } from "./faults/redis-restart.js";
import { slowReader } from "./faults/slow-reader.js";
import { writers } from "./writers.js";

/**
 * `npm run reliability [-- --inputs N --seed S --only a,b]`: the malformed-input campaign, the
 * alias-bomb latency check, writers and retrying clients, a Neo4j outage through a cuttable Bolt
 * proxy, and the process faults (kill -9 of the API mid-batch, a Neo4j of our own stopped and
 * killed mid-ingest, Redis killed under fan-out, 1,000 WebSockets with one that stops reading),
 * against real servers on the real Neo4j. Writes bench/results/reliability.json (an `--only` run
 * replaces just its scenarios there) and fails on any lost, doubled, uncoded or leaked answer.
 */
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SCENARIOS = ["fuzz", "bombs", "writers", "outage", "kill", "neo4j", "redis", "slow"] as const;
const onlyAt = process.argv.indexOf("--only");
const only = new Set(onlyAt > 0 ? String(process.argv[onlyAt + 1]).split(",") : SCENARIOS);
for (const k of only) if (!(SCENARIOS as readonly string[]).includes(k)) throw new Error(`unknown scenario '${k}' (one of ${SCENARIOS.join(", ")})`);
const inputs = arg("inputs", 10_000);
const sockets = arg("sockets", 1000);
// The Neo4j the neo4j scenario stops and kills: its own Bolt port and home, never the shared one.
const faultPort = arg("fault-neo4j-port", 7787);
const faultHome = ".frontier/fault-neo4j";
const seed = arg("seed", 21);
const prefix = `rel-${seed}-`;
const log = (m: string) => process.stderr.write(`[reliability] ${m}\n`);

const env = { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", RATE_LIMIT_TOKEN: "0", RATE_LIMIT_INGEST: "0", RATE_LIMIT_ADDRESS: "0" };
const config = loadConfig(env);
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.floor(q * s.length))] as number) : NaN;
};
const round = (x: number) => Math.round(x * 10) / 10;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** /healthz and a small query latency, alone and while one client fires alias bombs at every expensive learner field. */
async function bombLatency(f: Frontier, learnerToken: string, learner: string) {
  const probe = async () => {
    const h: number[] = [];
    for (let i = 0; i < 100; i++) {
      h.push(await timed(() => fetch(`${f.url}/healthz`).then((r) => r.text())));
      h.push(await timed(() => fetch(`${f.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ __typename }"}' }).then((r) => r.text())));
    }
    return h;
  };
  const quiet = await probe();
  const fields = ["placement { expectedGain }", "recommendations(limit: 50) { score }", "learningPath { steps { concept { id } } }", "mastery { p }", "reviewQueue(limit: 50) { dueAt }"];
  let stop = false;
  const outcomes: Record<string, number> = {};
  const attacker = (async () => {
    for (let k = 0; !stop; k++) {
      const field = fields[k % fields.length] as string;
      // Three per selection set is allowed: the worst a client may send, 300 times over in nested learners is not possible, so send the bomb and the allowed maximum.
      const count = k % 2 === 0 ? 1000 : 3;
      const q = `{ learner(id: "${learner}") { ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(" ")} } }`;
      const res = await fetch(`${f.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${learnerToken}` }, body: JSON.stringify({ query: q }) });
      const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
      const key = `${count === 1000 ? "bomb" : "three"}:${res.status}:${body.errors?.[0]?.extensions?.code ?? "ok"}`;
      outcomes[key] = (outcomes[key] ?? 0) + 1;
    }
  })();
  const loud = await probe();
  stop = true;
  await attacker;
  return { quietP50: round(quantile(quiet, 0.5)), quietP99: round(quantile(quiet, 0.99)), underBombP50: round(quantile(loud, 0.5)), underBombP99: round(quantile(loud, 0.99)), underBombMax: round(loud.reduce((a, b) => Math.max(a, b), -Infinity)), outcomes };
}

/** A TCP proxy in front of Neo4j that can be cut and restored. */
function boltProxy(target: number) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  return {
    open: () =>
      new Promise<void>((resolve) => {
        server = net.createServer((client) => {
          const upstream = net.connect(target, "127.0.0.1");
          for (const s of [client, upstream]) {
            sockets.add(s);
            s.on("close", () => sockets.delete(s));
            s.on("error", () => s.destroy());
          }
          client.pipe(upstream).pipe(client);
        });
        server.listen(port, "127.0.0.1", () => {
          port = (server?.address() as net.AddressInfo).port;
          resolve();
        });
      }),
    get port() {
      return port;
    },
    cut: async () => {
      const closing = new Promise<void>((resolve) => (server?.listening ? server.close(() => resolve()) : resolve()));
      for (const s of sockets) s.destroy();
      await closing;
    },
  };
}

/** Neo4j unreachable for `outageMs` while 4 clients send a read every 50 ms: what they see, and how soon it ends. */
async function outage(outageMs: number) {
  const target = Number(/:(\d+)$/.exec(config.NEO4J_URI)?.[1] ?? 7687);
  const proxy = boltProxy(target);
  await proxy.open();
  const f = await startFrontier(loadConfig({ ...env, NEO4J_URI: `bolt://127.0.0.1:${proxy.port}` }), createLogger("silent"), { migrate: false });
  const samples: Array<{ at: number; ms: number; code: string; retryAfter: string | null }> = [];
  let stop = false;
  const t0 = performance.now();
  const client = async () => {
    while (!stop) {
      const at = performance.now() - t0;
      const res = await fetch(`${f.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ concepts(first: 1) { totalCount } }"}' });
      const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
      samples.push({ at, ms: performance.now() - t0 - at, code: body.errors?.[0]?.extensions?.code ?? "ok", retryAfter: res.headers.get("retry-after") });
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const clients = Array.from({ length: 4 }, () => client());
  await new Promise((r) => setTimeout(r, 1000));
  const cutAt = performance.now() - t0;
  await proxy.cut();
  await new Promise((r) => setTimeout(r, outageMs));
  const restoredAt = performance.now() - t0;
  await proxy.open();
  await new Promise((r) => setTimeout(r, 4000));
  stop = true;
  await Promise.all(clients);
  await f.stop();
  await proxy.cut();
  const during = samples.filter((s) => s.at >= cutAt && s.at < restoredAt);
  const firstUnavailable = samples.find((s) => s.at >= cutAt && s.code === "SERVICE_UNAVAILABLE");
  const firstOkAfter = samples.find((s) => s.at >= restoredAt && s.code === "ok");
  const codes: Record<string, number> = {};
  for (const s of samples) codes[s.code] = (codes[s.code] ?? 0) + 1;
  return {
    outageMs,
    requests: samples.length,
    codes,
    maxLatencyDuringOutageMs: round(during.reduce((a, s) => Math.max(a, s.ms), -Infinity)),
    p50LatencyDuringOutageMs: round(quantile(during.map((s) => s.ms), 0.5)),
    firstUnavailableAfterCutMs: firstUnavailable ? round(firstUnavailable.at + firstUnavailable.ms - cutAt) : null,
    everyUnavailableHasRetryAfter: samples.filter((s) => s.code === "SERVICE_UNAVAILABLE").every((s) => s.retryAfter !== null),
    recoveryAfterRestoreMs: firstOkAfter ? round(firstOkAfter.at + firstOkAfter.ms - restoredAt) : null,
  };
}

const f = await startFrontier(config, createLogger("silent"), { migrate: true });
const tok = (role: Role, sub: string) => signToken(config, { sub, roles: [role], expiresIn: "2h" });
const admin = await tok(Role.ADMIN, `${prefix}admin`);
const designer = await tok(Role.DESIGNER, `${prefix}designer`);
const learner = `${prefix}learner`;
try {
  const result: Record<string, unknown> = existsSync("bench/results/reliability.json") ? (JSON.parse(readFileSync("bench/results/reliability.json", "utf8")) as Record<string, unknown>) : {};
  result.machine = { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version };
  result.seed = seed;
  const failures: string[] = [];
  const common = { neo4jUri: config.NEO4J_URI, seed, admin, designer, log };
  if (only.has("fuzz")) {
    log(`fuzzing ${inputs} inputs (seed ${seed})...`);
    const started = performance.now();
    const fz = await fuzz(f.url, { admin, designer }, inputs, seed, prefix);
    result.fuzzSeconds = round((performance.now() - started) / 1000);
    result.fuzz = fz;
    if (fz.serverErrors + fz.uncoded + fz.leaks + fz.internal + fz.healthFailures > 0) failures.push("fuzz");
  }
  if (only.has("bombs")) {
    log("alias bombs...");
    result.bombs = await bombLatency(f, await tok(Role.LEARNER, learner), learner);
  }
  if (only.has("writers")) {
    log("writers...");
    const w = await writers(f, { admin, designer }, prefix);
    result.writers = w;
    if (w.concurrent.lost + w.concurrent.doubled + w.retrying.lost + w.retrying.doubled > 0 || !w.concurrent.masteryEqualsNoFaultRun || !w.retrying.masteryEqualsNoFaultRun) failures.push("writers");
  }
  if (only.has("outage")) {
    log("outage...");
    result.outage = await outage(10_000);
  }
  const exact = (name: string, v: { lost: number; doubled: number; masteryEqualsNoFaultRun: boolean }) => {
    result[name] = v;
    if (v.lost + v.doubled > 0 || !v.masteryEqualsNoFaultRun) failures.push(name);
  };
  if (only.has("kill")) {
    log("kill -9 of the API mid-batch...");
    exact("killApi", await killApi({ ...common, prefix: `${prefix}k-` }));
  }
  if (only.has("neo4j")) {
    log(`Neo4j restarts mid-ingest (own instance on :${faultPort}, ${faultHome})...`);
    exact("neo4jRestart", await neo4jRestart({ ...common, prefix: `${prefix}n-`, home: faultHome, boltPort: faultPort }));
  }
  if (only.has("redis")) {
    log("Redis restart under fan-out...");
    const r = await redisRestart({ ...common, prefix: `${prefix}r-` });
    exact("redisRestart", r);
    if (r.failedWritesDuringOutage + r.missingAfterCatchUp + r.seqsNotInDatabase + r.duplicatesAfterMerge > 0) failures.push("redis fan-out");
  }
  if (only.has("slow")) {
    log(`${sockets} WebSockets and a slow reader...`);
    result.slowReader = await slowReader({ ...common, prefix: `${prefix}s-`, sockets, seconds: 20, rate: 10 });
  }
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/reliability.json", JSON.stringify(result, null, 2));
  process.stdout.write(`${JSON.stringify(Object.fromEntries([...only].map((k) => [k, result[{ kill: "killApi", neo4j: "neo4jRestart", redis: "redisRestart", slow: "slowReader" }[k as string] ?? k]])), null, 2)}\n`);
  if (failures.length > 0) log(`FAILED: ${failures.join(", ")}`);
  process.exitCode = failures.length > 0 ? 1 : 0;
} finally {
  await f.infra.db.write(offlineCypher("test/delete-by-prefix"), { prefix });
  await f.stop();
}
