/**
 * Redis killed (-9) and started again under live fan-out: two API processes share it, a producer
 * writes through A, subscribers listen on B. Writes must not fail while Redis is away (A keeps
 * serving, both say "degraded"); delivery to B is at most once, so what B missed is fetched with
 * masteryChangesSince after the restart, and the merge by seq must equal the history in the
 * database, each change once.
 */
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { freePort, redisServer, sleep, startApi, until } from "./procs.js";
import { harnessDb, importCurriculum, noFaultRun, outcomes, produce, round, stream, verify } from "./stream.js";

const SUB = "subscription($l: ID) { masteryChanged(learnerId: $l) { seq learnerId } }";
const SINCE = "query($l: ID, $after: Int!) { masteryChangesSince(learnerId: $l, afterSequence: $after, limit: 1000) { seq recordedAt } }";

export async function redisRestart(o: { neo4jUri: string; prefix: string; seed: number; admin: string; designer: string; log: (m: string) => void }) {
  const { prefix, admin } = o;
  const db = harnessDb(o.neo4jUri);
  const redis = redisServer(await freePort());
  await redis.start();
  const env = { NEO4J_URI: o.neo4jUri, REDIS_URL: redis.url };
  const [a, b] = await Promise.all([startApi(await freePort(), env), startApi(await freePort(), env)]);
  const clients: Client[] = [];
  try {
    await importCurriculum(a.url, o.designer, prefix);
    const learners = 10;
    const events = stream(prefix, "redis", learners, 20_000, o.seed);
    const reference = stream(prefix, "redis-ref", learners, 20_000, o.seed);
    // Every subscriber on B, one socket per learner; `live` holds what each received, with when.
    const live = new Map<string, Array<{ seq: number; at: number }>>();
    const ids = [...new Set(events.map((e) => e.learnerId))];
    let subscribed = 0;
    for (const learnerId of ids) {
      live.set(learnerId, []);
      const c = createClient({ url: `${b.url.replace(/^http/, "ws")}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${admin}` } });
      clients.push(c);
      c.subscribe<{ masteryChanged: { seq: number; learnerId: string } }>(
        { query: SUB, variables: { l: learnerId } },
        { next: (v) => v.data && live.get(v.data.masteryChanged.learnerId)?.push({ seq: v.data.masteryChanged.seq, at: performance.now() }), error: () => {}, complete: () => {} },
      );
      c.on("connected", () => void subscribed++);
    }
    await until(() => subscribed === ids.length, 30_000);
    await sleep(500);
    const health: Array<{ at: number; a: string; b: string }> = [];
    let stop = false;
    const probing = (async () => {
      while (!stop) {
        const h = async (url: string) => ((await (await fetch(`${url}/healthz`)).json()) as { status: string }).status;
        health.push({ at: performance.now(), a: await h(a.url), b: await h(b.url) });
        await sleep(100);
      }
    })();
    const producing = produce(() => a.url, admin, events, [...events.keys()], { batchSize: 1, pauseMs: 40, stop: () => stop });
    await sleep(3000);
    o.log("redis-restart: kill -9 of redis-server");
    const killedAt = performance.now();
    const killedWall = Date.now();
    await redis.kill9();
    await sleep(5000);
    const restartedAt = performance.now();
    const restartedWall = Date.now();
    await redis.start();
    await until(() => health.some((h) => h.at > restartedAt && h.a === "ok" && h.b === "ok"), 30_000);
    await sleep(4000);
    stop = true;
    const log = await producing;
    await probing;
    await sleep(500);
    // Catch-up on B (from seq 0, the simplest correct cursor), merged with the live deliveries by seq.
    let liveReceived = 0;
    let recovered = 0;
    let finalMissing = 0;
    let unknownSeqs = 0;
    let changesStored = 0;
    let duplicatesAfterMerge = 0;
    const firstAfterRestart: number[] = [];
    // Live deliveries missed, by when the change was committed: before the kill, while Redis was away, after its restart.
    const missedBy = { beforeKill: 0, redisDown: 0, afterRestart: 0 };
    for (const learnerId of ids) {
      const got = live.get(learnerId) ?? [];
      liveReceived += got.length;
      const after = got.find((g) => g.at > restartedAt);
      if (after) firstAfterRestart.push(after.at - restartedAt);
      const res = await fetch(`${b.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${admin}` }, body: JSON.stringify({ query: SINCE, variables: { l: learnerId, after: 0 } }) });
      const page = ((await res.json()) as { data: { masteryChangesSince: Array<{ seq: number; recordedAt: string }> } }).data.masteryChangesSince;
      const caught = page.map((c) => c.seq);
      const seen = new Set(got.map((g) => g.seq));
      for (const c of page) {
        if (seen.has(c.seq)) continue;
        const at = Date.parse(c.recordedAt);
        missedBy[at < killedWall ? "beforeKill" : at < restartedWall ? "redisDown" : "afterRestart"]++;
      }
      duplicatesAfterMerge += got.length - seen.size;
      recovered += caught.filter((s) => !seen.has(s)).length;
      const merged = new Set([...seen, ...caught]);
      const stored = (await db.facts(learnerId)).history.map((h) => h.seq);
      changesStored += stored.length;
      finalMissing += stored.filter((s) => !merged.has(s)).length;
      unknownSeqs += [...merged].filter((s) => !stored.includes(s)).length;
    }
    await noFaultRun(() => a.url, admin, reference, log.sent, 1);
    const verdict = await verify(db, events, reference, log.sent);
    const during = health.filter((h) => h.at > killedAt && h.at < restartedAt);
    const firstDegraded = health.find((h) => h.at > killedAt && h.a === "degraded" && h.b === "degraded");
    const backOk = health.find((h) => h.at > restartedAt && h.a === "ok" && h.b === "ok");
    const writesDuringOutage = log.attempts.filter((x) => x.doneAt > killedAt && x.doneAt < restartedAt);
    return {
      learners,
      subscribersOnB: ids.length,
      redisDownMs: round(restartedAt - killedAt),
      writesThroughADuringOutage: writesDuringOutage.length,
      failedWritesDuringOutage: writesDuringOutage.filter((x) => x.outcome !== "ok").length,
      outcomes: outcomes([log]),
      healthDuringOutage: Object.fromEntries(["ok", "degraded"].map((s) => [s, during.filter((h) => h.a === s && h.b === s).length])),
      degradedAfterKillMs: firstDegraded ? round(firstDegraded.at - killedAt) : null,
      healthOkAfterRestartMs: backOk ? round(backOk.at - restartedAt) : null,
      firstDeliveryOnBAfterRestartMs: firstAfterRestart.length ? round(Math.min(...firstAfterRestart)) : null,
      changesStored,
      liveDeliveredOnB: liveReceived,
      missedLiveRecoveredByCatchUp: recovered,
      missedBy,
      missingAfterCatchUp: finalMissing,
      seqsNotInDatabase: unknownSeqs,
      duplicatesAfterMerge,
      ...verdict,
    };
  } finally {
    await Promise.all(clients.map((c) => c.dispose()));
    await Promise.all([a.stop(), b.stop()]);
    await redis.kill9();
    await db.cleanup(prefix);
    await db.close();
  }
}
