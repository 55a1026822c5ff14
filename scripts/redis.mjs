#!/usr/bin/env node
// A local redis-server for the multi-server tests and the reliability suite:
// `node scripts/redis.mjs path` prints the path of a runnable redis-server.
//
// A `redis-server` on PATH is used as it is. Otherwise the binary shipped inside the Maven
// Central artifact com.github.codemonstur:embedded-redis (Redis 6.2, statically built for
// Linux and macOS) is unpacked once with Maven into ~/.cache/frontier, the same way
// scripts/db.mjs gets Neo4j, so a machine with only what the README names (Node, Java, Maven)
// runs the whole suite.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, renameSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

const ARTIFACT = "com.github.codemonstur:embedded-redis:1.4.3";
const cacheDir = process.env.FRONTIER_CACHE_DIR ?? join(homedir(), ".cache", "frontier");
const installDir = join(cacheDir, "redis-6.2");

// The jar's entry for each platform (what embedded-redis itself picks).
const ENTRIES = {
  "linux-x64": "redis-server-6.2.6-v5-linux-amd64",
  "linux-arm64": "redis-server-6.2.7-linux-arm64",
  "linux-ia32": "redis-server-6.2.7-linux-386",
  "darwin-x64": "redis-server-6.2.6-v5-darwin-amd64",
  "darwin-arm64": "redis-server-6.2.6-v5-darwin-arm64",
};

const log = (msg) => process.stderr.write(`[redis] ${msg}\n`);

function fail(msg) {
  log(`error: ${msg}`);
  process.exit(1);
}

function onPath(cmd) {
  const r = spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Path of a runnable redis-server, installing the Maven Central one on first use. */
function redisServer() {
  if (process.env.FRONTIER_REDIS_SERVER) return process.env.FRONTIER_REDIS_SERVER;
  const system = onPath("redis-server");
  if (system) return system;
  const entry = ENTRIES[`${process.platform}-${process.arch}`];
  if (!entry) fail(`no bundled redis-server for ${process.platform}-${process.arch}: install Redis (for example 'apt-get install redis-server') or set REDIS_URL.`);
  const binary = join(installDir, "redis-server");
  if (existsSync(binary)) return binary;
  if (!onPath("mvn")) fail("Maven (mvn) is needed to fetch redis-server from Maven Central, or install Redis ('apt-get install redis-server').");
  log(`installing redis-server from Maven Central (${ARTIFACT}) into ${installDir} (once)...`);
  mkdirSync(installDir, { recursive: true });
  const r = spawnSync(
    "mvn",
    ["-q", "-B", "-Dstyle.color=never", "org.apache.maven.plugins:maven-dependency-plugin:3.6.1:unpack", `-Dartifact=${ARTIFACT}`, `-Dmdep.unpack.includes=${entry}`, `-DoutputDirectory=${installDir}`],
    { stdio: ["ignore", 2, 2] },
  );
  if (r.status !== 0 || !existsSync(join(installDir, entry))) fail(`mvn could not unpack ${entry} from ${ARTIFACT}.`);
  renameSync(join(installDir, entry), binary);
  chmodSync(binary, 0o755);
  const check = spawnSync(binary, ["--version"], { encoding: "utf8" });
  if (check.status !== 0) fail(`${binary} does not run here: install Redis ('apt-get install redis-server').`);
  log(check.stdout.trim());
  return binary;
}

const command = process.argv[2] ?? "path";
if (command === "path") {
  process.stdout.write(`${redisServer()}\n`);
} else {
  fail(`unknown command '${command}' (use: path)`);
}
