/**
 * Neo4j stopped and started again while 4 producers ingest: once with the distribution's graceful
 * stop, once with kill -9 of its JVM. Only on a Neo4j of our own (its own home folder and Bolt
 * port, see procs.ts `ownNeo4j`), never the shared one. The API keeps running throughout.
 */
import { freePort, ownNeo4j, portOpen, sleep, startApi, until } from "./procs.js";
import { harnessDb, importCurriculum, noFaultRun, outcomes, produceAll, round, stream, verify, window } from "./stream.js";

export async function neo4jRestart(o: { home: string; boltPort: number; prefix: string; seed: number; admin: string; designer: string; log: (m: string) => void }) {
  const { prefix, admin } = o;
  const neo = ownNeo4j(o.home, o.boltPort);
  let t = performance.now();
  await neo.start();
  const firstStartMs = performance.now() - t;
  const db = harnessDb(neo.uri);
  const api = await startApi(await freePort(), { NEO4J_URI: neo.uri, LOG_LEVEL: process.env.FRONTIER_FAULTS_LOG ? "info" : "error" });
  const url = () => api.url;
  try {
    await importCurriculum(api.url, o.designer, prefix);
    const learners = 32;
    const events = stream(prefix, "neo", learners, 40_000, o.seed);
    const reference = stream(prefix, "neo-ref", learners, 40_000, o.seed);
    const batchSize = 10;
    let stop = false;
    let lastOkAt = 0;
    const producing = produceAll(url, admin, events, 4, { batchSize, pauseMs: 100, stop: () => stop, onAttempt: (a) => a.outcome === "ok" && (lastOkAt = Math.max(lastOkAt, a.doneAt)) });
    const faults: Array<{ kind: string; downAt: number; downMs: number; neo4jReadyAt: number; neo4jStartMs: number }> = [];
    for (const kind of ["graceful stop", "kill -9"] as const) {
      await sleep(3000);
      o.log(`neo4j-restart: ${kind}`);
      const downAt = performance.now();
      if (kind === "kill -9") await neo.kill9();
      else await neo.stop();
      await until(async () => !(await portOpen(o.boltPort)), 60_000, 100);
      const downMs = performance.now() - downAt;
      await sleep(2000);
      t = performance.now();
      // Our own probe every 100 ms says when Neo4j answers again (scripts/db.mjs polls every 500 ms).
      const starting = neo.start();
      await until(() => db.ping(), 180_000, 100);
      const readyAt = performance.now();
      await starting;
      faults.push({ kind, downAt, downMs, neo4jReadyAt: readyAt, neo4jStartMs: readyAt - t });
      // The next fault only once the clients are answered again (each fault's recovery is its own).
      await until(() => lastOkAt > readyAt, 180_000, 100);
    }
    await sleep(3000);
    stop = true;
    const logs = await producing;
    const sent = logs.flatMap((l) => l.sent);
    o.log(`neo4j-restart: ${sent.length} events answered; the no-fault run...`);
    await noFaultRun(url, admin, reference, sent, batchSize);
    const verdict = await verify(db, events, reference, sent);
    const perFault = faults.map((f) => {
      const w = window(logs, f.downAt, f.neo4jReadyAt);
      const attempts = logs.flatMap((l) => l.attempts).filter((a) => a.doneAt >= f.downAt && a.doneAt <= (w.firstOkAt ?? f.neo4jReadyAt) + 1000);
      const afterReady = attempts.filter((a) => a.doneAt > f.neo4jReadyAt && a.doneAt <= (w.firstOkAt ?? Infinity));
      return {
        kind: f.kind,
        neo4jDownMs: round(f.downMs),
        neo4jStartMs: round(f.neo4jStartMs),
        firstFailureAfterStopMs: w.firstFailureAt === null ? null : round(w.firstFailureAt - f.downAt),
        maxAnswerMsDuringOutage: round(attempts.filter((a) => a.doneAt <= f.neo4jReadyAt).reduce((m, a) => Math.max(m, a.doneAt - a.sentAt), -Infinity)),
        // What clients got between Neo4j answering again and their first success, and the slowest such answer.
        afterNeo4jReady: { outcomes: outcomes([{ attempts: afterReady, accepted: 0, duplicates: 0, rejected: 0, answers: [], sent: [] }]), slowestMs: round(Math.max(0, ...afterReady.map((a) => a.doneAt - a.sentAt))) },
        firstSuccessAfterNeo4jReadyMs: w.firstOkAt === null ? null : round(w.firstOkAt - f.neo4jReadyAt),
        timeline: process.env.FRONTIER_FAULTS_LOG ? attempts.map((a) => `${round(a.sentAt - f.downAt)}..${round(a.doneAt - f.downAt)} ${a.outcome}`) : undefined,
        neo4jReadyAfterDownMs: round(f.neo4jReadyAt - f.downAt),
        outageSeenByClientsMs: w.firstOkAt === null || w.firstFailureAt === null ? null : round(w.firstOkAt - w.firstFailureAt),
      };
    });
    return { learners, producers: 4, batchSize, firstStartMs: round(firstStartMs), faults: perFault, outcomes: outcomes(logs), accepted: logs.reduce((s, l) => s + l.accepted, 0), duplicatesOnResend: logs.reduce((s, l) => s + l.duplicates, 0), ...verdict };
  } finally {
    await api.stop();
    await db.cleanup(prefix);
    await db.close();
    // The instance is ours alone: stop it (its data stays under its home for the next run).
    await neo.stop();
  }
}
