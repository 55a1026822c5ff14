#!/usr/bin/env node
// Local Neo4j lifecycle: `node scripts/db.mjs start|stop|reset|status`.
//
// When NEO4J_URI is set, the project uses that server (Docker, a cluster, Aura) and this
// script does nothing else. Otherwise it installs the Neo4j 5.26 LTS Community server once
// from Maven Central (the artifacts the official distribution assembles, resolved by
// scripts/neo4j/pom.xml and cached in ~/.cache/frontier), keeps its data in the ignored
// .frontier/neo4j folder, and runs it with the distribution's own boot loader
// (org.neo4j.server.startup.Neo4jBoot), bound to 127.0.0.1.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync, readFileSync, lstatSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import net from "node:net";

const NEO4J_VERSION = "5.26.31";
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cacheDir = process.env.FRONTIER_CACHE_DIR ?? join(homedir(), ".cache", "frontier");
const libDir = join(cacheDir, `neo4j-${NEO4J_VERSION}`, "lib");
// FRONTIER_NEO4J_HOME (with FRONTIER_NEO4J_PORT) runs a second, separate instance, e.g. the one the
// reliability suite stops and restarts (bench/reliability/faults/neo4j-restart.ts).
const home = process.env.FRONTIER_NEO4J_HOME ? resolve(process.env.FRONTIER_NEO4J_HOME) : join(root, ".frontier", "neo4j");
const boltPort = Number(process.env.FRONTIER_NEO4J_PORT ?? 7687);
// Development password of the local server only; production sets NEO4J_PASSWORD.
const password = process.env.NEO4J_PASSWORD ?? "frontier-dev-password";
// Sized for a shared 2-core, 24 GiB machine: the API, the tests and the benchmark run beside it.
const heap = process.env.FRONTIER_NEO4J_HEAP ?? "2g";
const pageCache = process.env.FRONTIER_NEO4J_PAGECACHE ?? "2g";

const log = (msg) => process.stderr.write(`[db] ${msg}\n`);

function fail(msg) {
  log(`error: ${msg}`);
  process.exit(1);
}

function have(cmd) {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
}

function install() {
  if (existsSync(join(libDir, `neo4j-server-${NEO4J_VERSION}.jar`))) return;
  if (!have("java")) fail("Java 17+ is needed to run the local Neo4j (or set NEO4J_URI to a running server).");
  if (!have("mvn")) fail("Maven (mvn) is needed to fetch Neo4j from Maven Central (or set NEO4J_URI).");
  log(`installing Neo4j ${NEO4J_VERSION} Community from Maven Central into ${libDir} (once)...`);
  mkdirSync(libDir, { recursive: true });
  const r = spawnSync(
    "mvn",
    [
      "-q",
      "-B",
      "-f",
      join(root, "scripts", "neo4j", "pom.xml"),
      `-Dneo4j.version=${NEO4J_VERSION}`,
      "dependency:copy-dependencies",
      "-DincludeScope=runtime",
      `-DoutputDirectory=${libDir}`,
    ],
    { stdio: "inherit" },
  );
  if (r.status !== 0) fail("mvn could not resolve the Neo4j server artifacts.");
}

function writeConfig() {
  mkdirSync(join(home, "conf"), { recursive: true });
  const link = join(home, "lib");
  let linked = false;
  try {
    linked = lstatSync(link).isSymbolicLink();
  } catch {
    linked = false;
  }
  if (!linked) {
    rmSync(link, { recursive: true, force: true });
    symlinkSync(libDir, link);
  }
  writeFileSync(
    join(home, "conf", "neo4j.conf"),
    [
      "# Written by scripts/db.mjs; edit FRONTIER_NEO4J_* variables instead.",
      "server.default_listen_address=127.0.0.1",
      `server.bolt.listen_address=127.0.0.1:${boltPort}`,
      "server.http.enabled=false",
      "server.https.enabled=false",
      `server.memory.heap.initial_size=${heap}`,
      `server.memory.heap.max_size=${heap}`,
      `server.memory.pagecache.size=${pageCache}`,
      "dbms.usage_report.enabled=false",
      "db.logs.query.enabled=OFF",
      "db.transaction.timeout=120s",
      // Neo4j keeps transaction logs for 2 days by default: a few benchmark loads of a million
      // answers left 72 GB of them and filled the disk. A development server needs none for
      // backups; keep the last 1 GB.
      "db.tx_log.rotation.retention_policy=1G size",
      "db.lock.acquisition.timeout=60s",
      "server.jvm.additional=-XX:+UseG1GC",
      "server.jvm.additional=-XX:-OmitStackTraceInFastThrow",
      "server.jvm.additional=-XX:+ExitOnOutOfMemoryError",
      "server.jvm.additional=-Djdk.nio.maxCachedBufferSize=1024",
      "server.jvm.additional=-Dio.netty.tryReflectionSetAccessible=true",
      "server.jvm.additional=--add-opens=java.base/java.nio=ALL-UNNAMED",
      "server.jvm.additional=--add-opens=java.base/java.io=ALL-UNNAMED",
      "server.jvm.additional=--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "server.jvm.additional=--add-opens=java.base/java.lang=ALL-UNNAMED",
      "",
    ].join("\n"),
  );
}

function boot(command) {
  return spawnSync("java", ["-cp", join(home, "lib", "*"), "org.neo4j.server.startup.Neo4jBoot", command], {
    env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: join(home, "conf") },
    encoding: "utf8",
  });
}

function portOpen() {
  return new Promise((res) => {
    const s = net.connect({ host: "127.0.0.1", port: boltPort });
    s.once("connect", () => {
      s.destroy();
      res(true);
    });
    s.once("error", () => res(false));
  });
}

async function boltAnswers() {
  // A TCP accept is not enough: wait until a real Bolt session can run a query.
  const { default: neo4j } = await import("neo4j-driver");
  const driver = neo4j.driver(`bolt://127.0.0.1:${boltPort}`, neo4j.auth.basic("neo4j", password), {
    connectionTimeout: 2000,
    logging: { level: "error", logger: () => {} },
  });
  try {
    await driver.executeQuery("RETURN 1");
    return true;
  } catch {
    return false;
  } finally {
    await driver.close();
  }
}

async function waitForBolt(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await portOpen()) && (await boltAnswers())) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

async function start() {
  if (process.env.NEO4J_URI) {
    log(`NEO4J_URI is set (${process.env.NEO4J_URI}): using that server, nothing to start.`);
    return;
  }
  install();
  writeConfig();
  if (await portOpen()) {
    if (await waitForBolt(30000)) {
      log(`Neo4j already answers on bolt://127.0.0.1:${boltPort}`);
      return;
    }
    fail(`port ${boltPort} is taken by something that is not a Neo4j we can log in to.`);
  }
  const freshData = !existsSync(join(home, "data", "databases", "system"));
  if (freshData) {
    const r = spawnSync(
      "java",
      ["-cp", join(home, "lib", "*"), "org.neo4j.cli.AdminTool", "dbms", "set-initial-password", password],
      { env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: join(home, "conf") }, encoding: "utf8" },
    );
    if (r.status !== 0) fail(`could not set the initial password: ${r.stderr || r.stdout}`);
  }
  log(`starting Neo4j ${NEO4J_VERSION} Community (heap ${heap}, page cache ${pageCache}) on 127.0.0.1:${boltPort}...`);
  const r = boot("start");
  if (r.status !== 0 && !/already running/.test(r.stdout + r.stderr)) {
    fail(`Neo4j did not start:\n${r.stdout}\n${r.stderr}\nsee ${join(home, "logs", "neo4j.log")}`);
  }
  const t0 = Date.now();
  if (!(await waitForBolt(180000))) {
    const tail = existsSync(join(home, "logs", "neo4j.log"))
      ? readFileSync(join(home, "logs", "neo4j.log"), "utf8").split("\n").slice(-30).join("\n")
      : "";
    fail(`Bolt did not answer within 180 s.\n${tail}`);
  }
  log(`Neo4j answers on bolt://127.0.0.1:${boltPort} (ready in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

function stop() {
  if (process.env.NEO4J_URI) {
    log("NEO4J_URI is set: the server is not ours to stop.");
    return;
  }
  if (!existsSync(join(home, "lib"))) {
    log("no local Neo4j installed here.");
    return;
  }
  const r = boot("stop");
  log((r.stdout || r.stderr).trim().split("\n").pop() ?? "stopped");
}

async function status() {
  if (process.env.NEO4J_URI) {
    log(`NEO4J_URI=${process.env.NEO4J_URI}`);
    return;
  }
  const up = (await portOpen()) && (await boltAnswers());
  log(up ? `running on bolt://127.0.0.1:${boltPort}` : "not running");
  process.exitCode = up ? 0 : 3;
}

const cmd = process.argv[2];
switch (cmd) {
  case "start":
    await start();
    break;
  case "stop":
    stop();
    break;
  case "reset":
    if (process.env.NEO4J_URI) fail("refusing to reset a server given by NEO4J_URI; use `npm run frontier -- reset` tools there.");
    stop();
    rmSync(join(home, "data"), { recursive: true, force: true });
    log("local data removed");
    await start();
    break;
  case "status":
    await status();
    break;
  default:
    fail("usage: node scripts/db.mjs start|stop|reset|status");
}
