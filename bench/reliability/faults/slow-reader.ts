/**
 * 1,000 subscribed WebSockets (in their own process) while answers are ingested at a fixed rate:
 * delivery latency (commit to receipt) and the server's memory, first without, then with one
 * more client that subscribes 50 times with every field and then stops reading its socket. The
 * server must keep its memory bounded (the stuck socket's send buffer is capped, then its
 * messages are dropped, then keep-alive ends it) and the others' p99 must stay near the first run.
 */
import { fork } from "node:child_process";
import WebSocket from "ws";
import { freePort, sleep, startApi, until } from "./procs.js";
import { harnessDb, importCurriculum, produce, round, stream } from "./stream.js";

const FAT = "subscription($l: ID) { masteryChanged(learnerId: $l) { id seq learnerId conceptId eventId before after attempts reason explanation detail at recordedAt } }";

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.floor(q * s.length))] as number) : NaN;
};

async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const m = new RegExp(`^${name} (\\S+)$`, "m").exec(text);
  return m ? Number(m[1]) : NaN;
}

export async function slowReader(o: { neo4jUri: string; prefix: string; seed: number; admin: string; designer: string; sockets: number; seconds: number; rate: number; log: (m: string) => void }) {
  const { prefix, admin } = o;
  const db = harnessDb(o.neo4jUri);
  const api = await startApi(await freePort(), { NEO4J_URI: o.neo4jUri, LOG_LEVEL: "silent" });
  const wsUrl = `${api.url.replace(/^http/, "ws")}/graphql`;
  const child = fork(new URL("./ws-subscribers.ts", import.meta.url), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const ask = <T>(m: unknown, answer: string) =>
    new Promise<T>((done) => {
      const on = (r: unknown) => {
        if ((r as { type: string }).type !== answer) return;
        child.off("message", on);
        done(r as T);
      };
      child.on("message", on);
      child.send(m as never);
    });
  let stuck: WebSocket | null = null;
  try {
    await importCurriculum(api.url, o.designer, prefix);
    const learners = 10;
    const total = o.rate * o.seconds * 2 + 100;
    const events = stream(prefix, "slow", learners, total, o.seed);
    const ids = [...new Set(events.map((e) => e.learnerId))];
    const rssIdle = api.rss();
    await ask({ type: "start", url: wsUrl, token: admin, learners: ids, sockets: o.sockets }, "connected");
    await sleep(1000);
    const rssConnected = api.rss();
    o.log(`slow-reader: ${o.sockets} sockets open (server RSS ${Math.round(rssConnected / 2 ** 20)} MiB)`);

    let next = 0;
    const phase = async () => {
      const samples: number[] = [];
      let stop = false;
      const sampling = (async () => {
        while (!stop) {
          samples.push(api.rss());
          await sleep(250);
        }
      })();
      child.send({ type: "measure" });
      // One answer every 1000/rate ms, each alone (the worst case for fan-out: one push per answer).
      const lane = [...Array(o.rate * o.seconds).keys()].map((k) => k + next);
      next += lane.length;
      const started = performance.now();
      const log = await produce(() => api.url, admin, events, lane, { batchSize: 1, pauseMs: Math.max(0, 1000 / o.rate - 5) });
      const seconds = (performance.now() - started) / 1000;
      await sleep(1500);
      stop = true;
      await sampling;
      const r = await ask<{ latencies: number[]; received: number; errors: number; closed: number }>({ type: "report" }, "report");
      return {
        answersPerSecond: round(lane.length / seconds),
        failedWrites: log.attempts.filter((a) => a.outcome !== "ok").length,
        delivered: r.received,
        p50Ms: round(quantile(r.latencies, 0.5)),
        p99Ms: round(quantile(r.latencies, 0.99)),
        maxMs: round(Math.max(...r.latencies)),
        subscriberErrors: r.errors,
        subscribersClosed: r.closed,
        serverRssMaxMiB: round(Math.max(...samples) / 2 ** 20),
        serverRssEndMiB: round((samples.at(-1) ?? NaN) / 2 ** 20),
      };
    };
    o.log("slow-reader: run without the stuck client");
    const without = await phase();

    // The stuck client: 50 subscriptions with every field, then it stops reading (the TCP window closes).
    stuck = new WebSocket(wsUrl, "graphql-transport-ws");
    const s = stuck;
    await new Promise<void>((done) => s.once("open", () => done()));
    let acked = false;
    s.on("message", (d) => {
      if (String(d).includes("connection_ack")) acked = true;
    });
    s.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${admin}` } }));
    await until(() => acked, 10_000);
    for (let i = 0; i < 50; i++) s.send(JSON.stringify({ id: String(i), type: "subscribe", payload: { query: FAT, variables: { l: ids[i % ids.length] } } }));
    await sleep(500);
    s.pause();
    const droppedBefore = await metric(api.url, "frontier_ws_messages_dropped");
    o.log("slow-reader: run with a client that stopped reading");
    const withStuck = await phase();
    const dropped = (await metric(api.url, "frontier_ws_messages_dropped")) - droppedBefore;
    const openAfter = await metric(api.url, "frontier_ws_open_connections");
    return {
      sockets: o.sockets,
      learners,
      rate: o.rate,
      secondsPerRun: o.seconds,
      serverRssIdleMiB: round(rssIdle / 2 ** 20),
      serverRssConnectedMiB: round(rssConnected / 2 ** 20),
      without,
      withStuck,
      stuckMessagesDropped: dropped,
      openConnectionsAtEnd: openAfter,
      p99Ratio: round((withStuck.p99Ms ?? NaN) / (without.p99Ms ?? NaN)),
    };
  } finally {
    stuck?.terminate();
    child.send({ type: "stop" });
    await new Promise<void>((done) => (child.exitCode !== null ? done() : child.once("exit", () => done())));
    await api.stop();
    await db.cleanup(prefix);
    await db.close();
  }
}
