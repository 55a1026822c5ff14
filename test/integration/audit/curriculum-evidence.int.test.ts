import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "../../../src/auth/roles.js";
import { CurriculumEvidenceDocument, DecideEvidenceFindingDocument, ImportCurriculumDocument, RecordEventsDocument, type EventInput } from "../../generated/graphql.js";
import { uniquePrefix } from "../../utils/ids.js";
import { codes, dbState, startTestServer, type TestServer } from "../../utils/server.js";

// A planted graph. The truth: b requires a, c requires b; s requires a. The designer's graph has
// "b requires a" and "s requires a", lacks "c requires b" (removed) and has a wrong "c requires w".
let s: TestServer;
const P = uniquePrefix("evidence");
const c = (id: string) => `${P}${id}`;
const t0 = Date.parse("2026-03-02T09:00:00Z");
const MASTER = [false, true, true, true];
const FAIL = [false, true, false, false];
const PER_KIND = 30;

function learnerEvents(learner: string, sessions: Array<[string, boolean[]]>): EventInput[] {
  const out: EventInput[] = [];
  let n = 0;
  for (const [concept, outcomes] of sessions) {
    for (const correct of outcomes) {
      out.push({ eventId: `${c(learner)}-${n}`, learnerId: c(learner), conceptIds: [c(concept)], correct, occurredAt: new Date(t0 + n * 60_000).toISOString() });
      n++;
    }
  }
  return out;
}

beforeAll(async () => {
  s = await startTestServer();
  const doc = {
    topics: [{ id: c("T"), name: "Planted", level: "TOPIC" }],
    concepts: ["a", "b", "c", "w", "s"].map((id) => ({ id: c(id), name: id.toUpperCase(), topicId: c("T") })),
    prerequisites: [
      { conceptId: c("b"), prerequisiteId: c("a") },
      { conceptId: c("c"), prerequisiteId: c("w") },
      { conceptId: c("s"), prerequisiteId: c("a") },
    ],
    items: [],
  };
  const r = await s.gql(ImportCurriculumDocument, { format: "JSON", content: JSON.stringify(doc) }, s.designer);
  expect(r.data?.importCurriculum.applied).toBe(true);
  // Learners who master b master c and those who fail b fail c, whatever they did on w (half of
  // each kind mastered w, half failed it); 5 learners fail a and then answer s: too few to judge.
  const events: EventInput[] = [];
  for (let i = 0; i < PER_KIND * 2; i++) {
    const w = i % 2 === 0 ? MASTER : FAIL;
    events.push(...learnerEvents(`m${i}`, [["a", MASTER], ["w", w], ["b", MASTER], ["c", MASTER]]));
    events.push(...learnerEvents(`f${i}`, [["a", MASTER], ["w", w], ["b", FAIL], ["c", FAIL]]));
  }
  for (let i = 0; i < 5; i++) events.push(...learnerEvents(`s${i}`, [["a", FAIL], ["s", MASTER]]));
  for (let i = 0; i < events.length; i += 1000) {
    const out = await s.gql(RecordEventsDocument, { events: events.slice(i, i + 1000) }, s.admin);
    expect(out.data?.recordEvents.rejected).toBe(0);
  }
});

afterAll(async () => {
  await s?.cleanup(P);
  await s?.stop();
});

describe("curriculumEvidence", () => {
  it("flags the wrong edge, suggests the removed one, and says NOT_ENOUGH_EVIDENCE on a small sample; writes nothing", async () => {
    const before = await dbState(s, P);
    const r = await s.gql(CurriculumEvidenceDocument, { topicId: c("T") }, s.designer);
    expect(r.errors).toBeUndefined();
    const audit = r.data!.curriculumEvidence;
    expect(audit.learners).toBe(PER_KIND * 4 + 5);
    const edge = (from: string, to: string) => audit.edges.find((e) => e.conceptId === c(from) && e.prerequisiteId === c(to))!;

    const wrong = edge("c", "w");
    expect(wrong.verdict).toBe("CONTRADICTED");
    // Counted by hand: 60 learners mastered c, 30 of them had failed w; 60 failed c, 30 of them had failed w.
    expect(wrong.table).toEqual({ bothMastered: 30, onlyConcept: 30, onlyPrerequisite: 30, neither: 30 });
    expect([wrong.masteredWithoutPrerequisite.count, wrong.masteredWithoutPrerequisite.total]).toEqual([30, 60]);
    expect(wrong.masteredGivenNoPrerequisite.rate).toBeCloseTo(0.5, 12);

    const small = edge("s", "a");
    expect(small.verdict).toBe("NOT_ENOUGH_EVIDENCE");
    expect(small.table).toEqual({ bothMastered: 0, onlyConcept: 5, onlyPrerequisite: 0, neither: 0 });

    expect(audit.missing.map((m) => [m.conceptId, m.prerequisiteId])).toEqual([[c("c"), c("b")]]);
    const m = audit.missing[0]!;
    expect(m.sameTopic).toBe(true);
    // Only the learners who mastered c's existing prerequisite w (and b's, a) are compared: half of each kind.
    expect([m.masteredGivenPrerequisite.count, m.masteredGivenPrerequisite.total]).toEqual([30, 30]);
    expect([m.masteredGivenNoPrerequisite.count, m.masteredGivenNoPrerequisite.total]).toEqual([0, 30]);
    expect(m.adjustedPValue).toBeLessThan(0.01);
    // The 60 learners who mastered both mastered b first.
    expect([m.masteredConceptFirst.count, m.masteredConceptFirst.total]).toEqual([0, 60]);

    // Nothing is changed automatically.
    expect(await dbState(s, P)).toEqual(before);
  });

  it("is for designers and admins, and names unknown ids", async () => {
    const teacher = await s.token(Role.TEACHER, `${P}teacher`);
    const denied = await s.gql(CurriculumEvidenceDocument, { topicId: c("T") }, teacher);
    expect(codes(denied)).toEqual(["FORBIDDEN"]);
    const unknown = await s.gql(CurriculumEvidenceDocument, { conceptIds: [c("a"), c("ghost")] }, s.admin);
    expect(codes(unknown)).toEqual(["NOT_FOUND"]);
    expect(unknown.errors?.[0]?.extensions?.ids).toEqual([c("ghost")]);
  });
});

describe("frontier analyse prerequisites", () => {
  it("writes the same audit from Neo4j to a report file, and prints the findings", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "frontier-audit-")), "report.json");
    const run = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "analyse", "prerequisites", "--topic", c("T"), "--out", out], {
      encoding: "utf8",
      env: { ...process.env, LOG_LEVEL: "silent" },
    });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out, "utf8")) as { learners: number; edges: Array<{ conceptId: string; prerequisiteId: string; verdict: string }>; missing: Array<{ conceptId: string; prerequisiteId: string }> };
    const api = (await s.gql(CurriculumEvidenceDocument, { topicId: c("T") }, s.admin)).data!.curriculumEvidence;
    expect(report.learners).toBe(api.learners);
    expect(report.edges.map((e) => [e.conceptId, e.prerequisiteId, e.verdict])).toEqual(api.edges.map((e) => [e.conceptId, e.prerequisiteId, e.verdict]));
    expect(report.missing.map((m) => [m.conceptId, m.prerequisiteId])).toEqual([[c("c"), c("b")]]);
    expect(run.stdout).toContain(`CONTRADICTED ${c("c")} (C) REQUIRES ${c("w")} (W)`);
    expect(run.stdout).toContain(`${c("c")} (C) REQUIRES ${c("b")} (B)`);
  }, 120_000);
});

describe("decideEvidenceFinding", () => {
  const decide = (conceptId: string, prerequisiteId: string, kind: "MISSING" | "CONTRADICTED", decision: "ACCEPTED" | "DISMISSED", token = s.designer) =>
    s.gql(DecideEvidenceFindingDocument, { input: { conceptId: c(conceptId), prerequisiteId: c(prerequisiteId), kind, decision, note: "checked" } }, token);

  it("keeps a dismissal, with who and the evidence then, and stops suggesting the edge while the evidence stands", async () => {
    const before = await dbState(s, P);
    const r = await decide("c", "b", "MISSING", "DISMISSED");
    expect(r.errors).toBeUndefined();
    // Every one of the 120 learners answered both b and c.
    expect(r.data?.decideEvidenceFinding).toMatchObject({ decision: "DISMISSED", by: "designer-test", learners: PER_KIND * 4, learnersNow: PER_KIND * 4, evidenceMoved: false });
    expect(await dbState(s, P)).toEqual(before);
    const audit = (await s.gql(CurriculumEvidenceDocument, { topicId: c("T") }, s.designer)).data!.curriculumEvidence;
    expect(audit.missing).toEqual([]);
    expect(audit.decided.map((d) => [d.conceptId, d.prerequisiteId, d.kind, d.decision, d.evidenceMoved])).toEqual([[c("c"), c("b"), "MISSING", "DISMISSED", false]]);
    expect(await s.query("test/evidence-decisions", { prefix: P })).toEqual([{ key: `${c("c")}|${c("b")}|MISSING`, decision: "DISMISSED", by: "designer-test", learners: PER_KIND * 4 }]);
  });

  it("applies an accepted finding through the cycle-safe edge edits, and refuses a cycle without recording it", async () => {
    const removed = await decide("c", "w", "CONTRADICTED", "ACCEPTED");
    expect(removed.errors).toBeUndefined();
    const added = await decide("c", "b", "MISSING", "ACCEPTED");
    expect(added.errors).toBeUndefined();
    const edges = (await dbState(s, P)).edges.map(([from, to]) => `${from}>${to}`).sort();
    expect(edges).toEqual([`${c("b")}>${c("a")}`, `${c("c")}>${c("b")}`, `${c("s")}>${c("a")}`]);
    // a REQUIRES c would close a -> c -> b -> a.
    const cycle = await decide("a", "c", "MISSING", "ACCEPTED");
    expect(codes(cycle)).toEqual(["PREREQUISITE_CYCLE"]);
    const stored = await s.query("test/evidence-decisions", { prefix: P });
    expect(stored.map((d) => [d.key, d.decision])).toEqual([
      [`${c("c")}|${c("b")}|MISSING`, "DISMISSED"],
      [`${c("c")}|${c("w")}|CONTRADICTED`, "ACCEPTED"],
      [`${c("c")}|${c("b")}|MISSING`, "ACCEPTED"],
    ]);
    const teacher = await s.token(Role.TEACHER, `${P}teacher`);
    expect(codes(await decide("c", "b", "MISSING", "DISMISSED", teacher))).toEqual(["FORBIDDEN"]);
  });
});
