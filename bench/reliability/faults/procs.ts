/**
 * The processes the fault scenarios start, stop and kill: API servers (the built server, each in
 * its own process), a second Neo4j of our own (never the shared one) and redis-server. Every
 * process is ended by its own pid, never by name.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, openSync, readFileSync } from "node:fs";
import net from "node:net";
import { join, resolve } from "node:path";

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const freePort = () =>
  new Promise<number>((done) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => done(port));
    });
  });

export const portOpen = (port: number) =>
  new Promise<boolean>((done) => {
    const s = net.connect(port, "127.0.0.1");
    s.once("connect", () => {
      s.destroy();
      done(true);
    });
    s.once("error", () => done(false));
  });

/** Polls `cond` every `everyMs` until it holds; false after `ms`. */
export async function until(cond: () => boolean | Promise<boolean>, ms: number, everyMs = 50): Promise<boolean> {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    if (await cond()) return true;
    await sleep(everyMs);
  }
  return false;
}

export interface ApiProcess {
  child: ChildProcess;
  url: string;
  port: number;
  /** Resident memory of the server process, bytes (from /proc). */
  rss(): number;
  /** SIGKILL: no drain, no shutdown hooks. */
  kill9(): Promise<void>;
  /** SIGTERM: graceful shutdown. */
  stop(): Promise<void>;
}

const exited = (child: ChildProcess) => new Promise<void>((done) => (child.exitCode !== null || child.signalCode !== null ? done() : child.once("exit", () => done())));

/**
 * Starts `node dist/main.js` (build first: `npm run build`), or with `source` the TypeScript
 * through tsx (what tests use), on `port` with `env` over the current environment, and waits
 * until /healthz answers 200. node itself is the child, so a signal reaches the server.
 */
export async function startApi(port: number, env: Record<string, string>, opts: { source?: boolean } = {}): Promise<ApiProcess> {
  const child = spawn(process.execPath, opts.source ? ["--import", "tsx", "src/main.ts"] : ["dist/main.js"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "error", RATE_LIMIT_TOKEN: "0", RATE_LIMIT_INGEST: "0", RATE_LIMIT_ADDRESS: "0", ...env },
    // FRONTIER_FAULTS_LOG=file keeps the server's log lines (set LOG_LEVEL in `env` to see more).
    stdio: ["ignore", process.env.FRONTIER_FAULTS_LOG ? openSync(process.env.FRONTIER_FAULTS_LOG, "a") : "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const up = await until(async () => {
    if (child.exitCode !== null) throw new Error(`the API on :${port} exited with ${child.exitCode}`);
    try {
      return (await fetch(`${url}/healthz`)).status === 200;
    } catch {
      return false;
    }
  }, 90_000, 100);
  if (!up) throw new Error(`the API on :${port} did not become healthy in 90 s`);
  return {
    child,
    url,
    port,
    rss: () => {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
      return m ? Number(m[1]) * 1024 : NaN;
    },
    async kill9() {
      child.kill("SIGKILL");
      await exited(child);
    },
    async stop() {
      child.kill("SIGTERM");
      await exited(child);
    },
  };
}

/**
 * A Neo4j of our own, through scripts/db.mjs with its own home folder and Bolt port, so the shared
 * database on 7687 is never touched. Refuses the default port.
 */
export function ownNeo4j(home: string, port: number) {
  if (port === 7687) throw new Error("the fault scenarios never stop the shared Neo4j on 7687: pick another port");
  const abs = resolve(home);
  const env: NodeJS.ProcessEnv = { ...process.env, FRONTIER_NEO4J_HOME: abs, FRONTIER_NEO4J_PORT: String(port), FRONTIER_NEO4J_HEAP: "1g", FRONTIER_NEO4J_PAGECACHE: "512m" };
  delete env.NEO4J_URI;
  // Asynchronous, so the clients of a scenario keep running while Neo4j stops and starts.
  const db = (command: string) =>
    new Promise<void>((done, fail) => {
      const child = spawn(process.execPath, ["scripts/db.mjs", command], { env, stdio: ["ignore", "ignore", "inherit"] });
      child.once("exit", (code) => (code === 0 || command !== "start" ? done() : fail(new Error(`scripts/db.mjs start (home ${abs}, port ${port}) failed`))));
    });
  const pid = () => {
    const file = join(abs, "run", "neo4j.pid");
    return existsSync(file) ? Number(readFileSync(file, "utf8").trim()) : null;
  };
  return {
    uri: `bolt://127.0.0.1:${port}`,
    port,
    /** Starts it (installing the config on first use) and returns once a Bolt session answers. */
    start: () => db("start"),
    /** The distribution's own graceful stop. */
    stop: () => db("stop"),
    /** SIGKILL of this instance's JVM (its pid file), then waits until the port is closed. */
    async kill9() {
      const p = pid();
      if (!p) throw new Error(`no pid file under ${abs}/run`);
      process.kill(p, "SIGKILL");
      await until(async () => !(await portOpen(port)), 30_000, 100);
    },
  };
}

/** redis-server from PATH or the Maven Central one (scripts/redis.mjs), on `port`, no persistence. */
export function redisServer(port: number) {
  const r = spawnSync(process.execPath, ["scripts/redis.mjs", "path"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (r.status !== 0) throw new Error("scripts/redis.mjs found no redis-server");
  const binary = r.stdout.trim();
  let child: ChildProcess | null = null;
  return {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      child = spawn(binary, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
      if (!(await until(() => portOpen(port), 15_000))) throw new Error("redis-server did not open its port");
    },
    async kill9() {
      if (!child) return;
      const c = child;
      child = null;
      c.kill("SIGKILL");
      await exited(c);
    },
  };
}
