/**
 * kill -9 of the API process while a batch is in flight, several times in one stream, the server
 * restarted at once on the same port; the producer resends the unanswered batch. In the database:
 * every event stored once, and mastery and history equal to a no-fault run of the same events.
 */
import { rng } from "../fuzz.js";
import { freePort, sleep, startApi, type ApiProcess } from "./procs.js";
import { harnessDb, importCurriculum, noFaultRun, outcomes, produce, round, stream, verify } from "./stream.js";

export async function killApi(o: { neo4jUri: string; prefix: string; seed: number; admin: string; designer: string; log: (m: string) => void }) {
  const { prefix, admin } = o;
  const db = harnessDb(o.neo4jUri);
  const port = await freePort();
  let api: ApiProcess = await startApi(port, { NEO4J_URI: o.neo4jUri });
  const url = () => api.url;
  try {
    await importCurriculum(api.url, o.designer, prefix);
    const learners = 20;
    const events = stream(prefix, "kill", learners, 6000, o.seed);
    const reference = stream(prefix, "kill-ref", learners, 6000, o.seed);
    const batchSize = 100;
    // How long a batch takes here, from a warm-up of the reference learners' first batches (not counted).
    const warm = await produce(url, admin, stream(prefix, "warm", learners, 1000, o.seed + 7), [...Array(1000).keys()], { batchSize });
    const durations = warm.attempts.map((a) => a.doneAt - a.sentAt).sort((a, b) => a - b);
    const batchMs = durations[Math.floor(durations.length / 2)] as number;
    const r = rng(o.seed + 1);
    // 8 kills, stratified over 0.2-1.4 times the batch's usual duration: some land before the
    // commit, some after it (the answer lost), some after the answer (between batches).
    const killAt = new Set([4, 10, 16, 22, 28, 34, 40, 46]);
    let j = 0;
    const kills: Array<{ batch: number; delayMs: number; killedAt: number; upAt: number }> = [];
    let restarting: Promise<void> = Promise.resolve();
    o.log(`kill-api: batches of ${batchSize} take ${round(batchMs)} ms; killing the API during batches ${[...killAt].join(", ")}`);
    const log = await produce(url, admin, events, [...events.keys()], {
      batchSize,
      onSent: (batch) => {
        if (!killAt.delete(batch)) return;
        const delayMs = (0.2 + (1.2 * (j++ + r.next())) / 8) * batchMs;
        restarting = (async () => {
          await sleep(delayMs);
          const killedAt = performance.now();
          await api.kill9();
          api = await startApi(port, { NEO4J_URI: o.neo4jUri });
          kills.push({ batch, delayMs, killedAt, upAt: performance.now() });
        })();
      },
    });
    await restarting;
    await noFaultRun(url, admin, reference, log.sent, batchSize);
    const verdict = await verify(db, events, reference, log.sent);
    const perKill = kills.map((k) => {
      const inFlight = log.attempts.find((a) => a.batch === k.batch && a.sentAt <= k.killedAt && a.doneAt >= k.killedAt);
      const firstOk = log.attempts.find((a) => a.outcome === "ok" && a.doneAt >= k.killedAt);
      const answer = log.answers[k.batch];
      return {
        batch: k.batch,
        killAfterMs: round(k.delayMs),
        // The resend's answer tells whether the killed server had committed the batch (one transaction: all or nothing).
        fate:
          inFlight === undefined || inFlight.outcome === "ok"
            ? "answered before the kill"
            : answer?.duplicates === batchSize
              ? "committed, answer lost (resend: all DUPLICATE)"
              : answer?.accepted === batchSize
                ? "not committed (resend: all ACCEPTED)"
                : `partly stored (${JSON.stringify(answer)})`,
        apiRestartMs: round(k.upAt - k.killedAt),
        firstAnswerAfterKillMs: firstOk ? round(firstOk.doneAt - k.killedAt) : null,
      };
    });
    return { learners, events: events.length, batchSize, batchMs: round(batchMs), kills: perKill, outcomes: outcomes([log]), accepted: log.accepted, duplicatesOnResend: log.duplicates, ...verdict };
  } finally {
    await db.cleanup(prefix);
    await db.close();
    await api.stop();
  }
}
