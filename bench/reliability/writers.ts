import { offlineCypher } from "../../src/neo4j/cypher.js";
import type { Frontier } from "../../src/app.js";

/**
 * 64 concurrent writers on one learner, and clients that give up after 30 ms and send the same
 * batch again until they get an answer: every event must be stored exactly once, and the
 * learner's mastery must equal a no-fault run of the same events (one call, in order) on a
 * second learner. Counts come from the database (test/learner-facts), not from the API.
 */
export async function writers(f: Frontier, tokens: { admin: string; designer: string }, prefix: string) {
  const gql = async (query: string, variables: Record<string, unknown>, token: string, timeoutMs?: number) => {
    const res = await fetch(`${f.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal: timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined,
    });
    return (await res.json()) as { data?: { recordEvents?: { accepted: number; duplicates: number } }; errors?: Array<{ extensions?: { code?: string } }> };
  };
  const concept = `${prefix}w-c`;
  const item = `${prefix}w-q`;
  await gql("mutation($i: CreateConceptInput!) { createConcept(input: $i) { id } }", { i: { id: concept, name: "Writers" } }, tokens.designer);
  await gql("mutation($i: CreateItemInput!) { createItem(input: $i) { id } }", { i: { id: item, kind: "QUESTION", title: "Q", assesses: [{ conceptId: concept, weight: 1 }] } }, tokens.designer);
  const record = "mutation($e: [EventInput!]!) { recordEvents(events: $e) { accepted duplicates } }";
  const base = Date.now() - 3_600_000;
  const event = (learner: string, k: number) => ({ eventId: `${prefix}${learner}-e${k}`, learnerId: `${prefix}${learner}`, itemId: item, correct: k % 3 !== 0, occurredAt: new Date(base + k * 1000).toISOString() });

  // 64 writers at once, one event each, then every event sent again (a client retrying).
  const n = 64;
  const codes: Record<string, number> = {};
  const once = await Promise.all(Array.from({ length: n }, (_, k) => gql(record, { e: [event("a", k)] }, tokens.admin)));
  for (const r of once) for (const e of r.errors ?? []) codes[String(e.extensions?.code)] = (codes[String(e.extensions?.code)] ?? 0) + 1;
  const again = await Promise.all(Array.from({ length: n }, (_, k) => gql(record, { e: [event("a", k)] }, tokens.admin)));
  const accepted = once.reduce((s, r) => s + (r.data?.recordEvents?.accepted ?? 0), 0);
  const duplicates = again.reduce((s, r) => s + (r.data?.recordEvents?.duplicates ?? 0), 0);

  // Clients that time out after 30 ms and send the same batch again.
  let timeouts = 0;
  await Promise.all(
    Array.from({ length: 16 }, async (_, c) => {
      const batch = Array.from({ length: 4 }, (_, j) => event("b", n + c * 4 + j));
      // Up to 20 tries with a 30 ms timeout, 20 ms apart; then one without a timeout.
      for (let attempt = 0; attempt < 20; attempt++) {
        try {
          const r = await gql(record, { e: batch }, tokens.admin, 30);
          if (r.data?.recordEvents) return;
        } catch {
          timeouts++;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      await gql(record, { e: batch }, tokens.admin);
    }),
  );
  // The same 64 + 64 events in one ordered call for the reference learners.
  await gql(record, { e: Array.from({ length: n }, (_, k) => event("ref-a", k)) }, tokens.admin);
  await gql(record, { e: Array.from({ length: n }, (_, k) => event("ref-b", n + k)) }, tokens.admin);

  const facts = async (learner: string) =>
    (await f.infra.db.write(offlineCypher("test/learner-facts"), { learnerId: `${prefix}${learner}` }))[0] as { events: number; mastery: Array<{ p: number; attempts: number }> };
  const [a, refA, b, refB] = await Promise.all([facts("a"), facts("ref-a"), facts("b"), facts("ref-b")]);
  const sameMastery = (x: typeof a, y: typeof a) => x.mastery.length === y.mastery.length && x.mastery.every((m, i) => Math.abs(m.p - (y.mastery[i]?.p ?? NaN)) < 1e-9 && m.attempts === y.mastery[i]?.attempts);
  return {
    concurrent: { writers: n, accepted, duplicatesOnResend: duplicates, stored: a.events, lost: n - a.events, doubled: Math.max(0, a.events - n), masteryEqualsNoFaultRun: sameMastery(a, refA), codes },
    retrying: { clients: 16, events: 64, clientTimeouts: timeouts, stored: b.events, lost: 64 - b.events, doubled: Math.max(0, b.events - 64), masteryEqualsNoFaultRun: sameMastery(b, refB) },
  };
}
