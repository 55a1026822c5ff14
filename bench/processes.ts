/** The servers under test, each in its own process: the built Frontier (dist/) and the @neo4j/graphql peer. */
import { spawn, type ChildProcess } from "node:child_process";
import { DEV_JWT_SECRET, loadConfig } from "../src/config.js";

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  stop: () => Promise<void>;
}

async function waitUntil(ready: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    try {
      if (await ready()) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${what} did not come up within 60 s`);
}

/** SIGTERM, then SIGKILL after 10 s. */
function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      child.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill("SIGTERM");
    });
}

/** Starts the built server (dist/main.js) and waits for /healthz; `url` is its /graphql endpoint. */
export async function startServer(port: number, env: Record<string, string> = {}): Promise<ServerProcess> {
  // Measured as deployed (NODE_ENV=production, as in the Dockerfile), with the secret the bench signs its tokens with.
  const secret = loadConfig().JWT_SECRET ?? DEV_JWT_SECRET;
  // BENCH_SERVER_NODE_ARGS: extra node flags for the server under test (e.g. "--cpu-prof --cpu-prof-dir=bench/results/prof").
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, "dist/main.js"], {
    // Request budgets off: the bench's few tokens make thousands of requests a second (the
    // transport floor alone spends a 60 s admin budget in about 13 s), and a 429 is not a measure.
    env: { ...process.env, NODE_ENV: "production", JWT_SECRET: secret, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", RATE_LIMIT_TOKEN: "0", RATE_LIMIT_INGEST: "0", RATE_LIMIT_ADDRESS: "0", LEARNER_CACHE_TTL_MS: "600000", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitUntil(async () => (await fetch(`${base}/healthz`)).ok, "the Frontier server");
  return { url: `${base}/graphql`, child, stop: stopper(child) };
}

/** Starts @neo4j/graphql on the same database (bench/peer-neo4j-graphql.ts), node itself so that stopping it really ends it. */
export async function startPeer(port: number): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/peer-neo4j-graphql.ts", String(port)], { stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://127.0.0.1:${port}/`;
  const probe = JSON.stringify({ query: "{ __typename }" });
  await waitUntil(async () => (await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: probe })).ok, "the @neo4j/graphql peer");
  return { url, child, stop: stopper(child) };
}
