import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConceptDocument, ExportCurriculumDocument, ImportCurriculumDocument, ItemDocument } from "../../generated/graphql.js";
import { Role } from "../../../src/auth/roles.js";
import { uniquePrefix } from "../../utils/ids.js";
import { codes, dbState, startTestServer, type TestServer } from "../../utils/server.js";

let s: TestServer;
const P = uniquePrefix("import");


beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.cleanup(P);
  await s?.stop();
});

/** A spreadsheet as people export them: BOM, CRLF, blank lines, duplicates, a self-loop, a cycle, an unknown id. */
function messyCsv(p: string): string {
  const lines = [
    "id,name,prerequisites,description,tags,gradeLevel", // row 1
    `${p}add,Addition,,"Adding, carefully","arith,core",1`, // row 2
    `${p}mul,Multiplication,${p}add,,arith,2`, // row 3
    "", // row 4: blank
    `${p}add,Addition,,"Adding, carefully","arith,core",1`, // row 5: exact duplicate of row 2
    `${p}div,Division,"${p}mul,${p}frac",,arith,3`, // row 6
    `${p}frac,Fractions,${p}div,,,4`, // row 7: frac -> div -> frac closes a cycle
    `${p}pow,Powers,"${p}pow,${p}mul",,,5`, // row 8: self-loop
    `${p}exp,Exponents,${p}ghost,,,6`, // row 9: unknown prerequisite
    `${p}neg,Negatives,"${p}add=0.5",,,6`, // row 10: weighted prerequisite
    ",No id,,,,", // row 11: missing id
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

describe("CSV import of a messy spreadsheet", () => {
  it("reports every problem with its row and ids, and by default writes nothing", async () => {
    const p = `${P}csv1-`;
    const r = await s.gql(ImportCurriculumDocument, { format: "CSV", content: messyCsv(p) }, s.designer);
    expect(r.errors).toBeUndefined();
    const report = r.data?.importCurriculum;
    expect(report?.applied).toBe(false);
    expect(report?.valid).toBe(false);
    const problems = report?.problems.map((x) => ({ severity: x.severity, code: x.code, row: x.row, ids: x.ids, path: x.path ?? null }));
    expect(problems).toEqual([
      { severity: "WARNING", code: "DUPLICATE_ROW", row: 5, ids: [`${p}add`], path: null },
      { severity: "ERROR", code: "CYCLE", row: 7, ids: [`${p}frac`, `${p}div`], path: [`${p}frac`, `${p}div`, `${p}frac`] },
      { severity: "ERROR", code: "SELF_LOOP", row: 8, ids: [`${p}pow`, `${p}pow`], path: [`${p}pow`, `${p}pow`] },
      { severity: "ERROR", code: "UNKNOWN_PREREQUISITE", row: 9, ids: [`${p}exp`, `${p}ghost`], path: null },
      { severity: "ERROR", code: "MISSING_FIELD", row: 11, ids: [], path: null },
    ]);
    expect(report?.skippedRows).toBe(4);
    expect(await dbState(s, p)).toMatchObject({ concepts: 0, prerequisites: 0 });
  });

  it("dry run reports what would be written and writes nothing", async () => {
    const p = `${P}csv2-`;
    const r = await s.gql(ImportCurriculumDocument, { format: "CSV", content: messyCsv(p), dryRun: true, allowPartial: true }, s.designer);
    expect(r.data?.importCurriculum).toMatchObject({ dryRun: true, applied: false });
    expect(r.data?.importCurriculum.counts.conceptsCreated).toBe(7);
    expect(await dbState(s, p)).toMatchObject({ concepts: 0, prerequisites: 0 });
  });

  it("allowPartial imports the valid rest and reports what it skipped", async () => {
    const p = `${P}csv3-`;
    const r = await s.gql(ImportCurriculumDocument, { format: "CSV", content: messyCsv(p), allowPartial: true }, s.designer);
    const report = r.data?.importCurriculum;
    expect(report?.applied).toBe(true);
    expect(report?.counts).toMatchObject({ conceptsCreated: 7, prerequisitesCreated: 5 });
    const db = await dbState(s, p);
    expect(db.concepts).toBe(7);
    expect(db.edges.map(([c, q, w]) => `${c.slice(p.length)}>${q.slice(p.length)}:${w}`).sort()).toEqual([
      "div>frac:1",
      "div>mul:1",
      "mul>add:1",
      "neg>add:0.5",
      "pow>mul:1",
    ]);
    const add = await s.gql(ConceptDocument, { id: `${p}add` });
    expect(add.data?.concept).toMatchObject({ name: "Addition", description: "Adding, carefully", tags: ["arith", "core"], attributes: [{ key: "gradeLevel", value: "1" }] });

    // Running the same import again changes nothing.
    const again = await s.gql(ImportCurriculumDocument, { format: "CSV", content: messyCsv(p), allowPartial: true }, s.designer);
    expect(again.data?.importCurriculum.counts).toMatchObject({ conceptsCreated: 0, conceptsUpdated: 0, prerequisitesCreated: 0, prerequisitesUpdated: 0 });
  });

  it("checks cycles against edges already in the database", async () => {
    const p = `${P}csv3-`;
    const csv = `id,name,prerequisites\n${p}add,Addition,${p}neg\n`;
    const r = await s.gql(ImportCurriculumDocument, { format: "CSV", content: csv }, s.designer);
    expect(r.data?.importCurriculum.problems).toEqual([
      expect.objectContaining({ code: "CYCLE", row: 2, path: [`${p}add`, `${p}neg`, `${p}add`] }),
    ]);
  });

  it("answers a CSV without an id column with a PARSE_ERROR problem, not a crash", async () => {
    const r = await s.gql(ImportCurriculumDocument, { format: "CSV", content: "name,tags\nx,y\n" }, s.designer);
    expect(r.data?.importCurriculum.problems.map((x) => x.code)).toEqual(["PARSE_ERROR"]);
  });
});

describe("JSON import and export", () => {
  const p = `${P}json-`;
  const doc = {
    topics: [
      { id: `${p}subj`, name: "Subject", level: "SUBJECT", parentId: null },
      { id: `${p}ch`, name: "Chapter", level: "CHAPTER", parentId: `${p}subj` },
    ],
    concepts: [
      { id: `${p}a`, name: "A", description: "first", tags: ["t"], topicId: `${p}ch`, attributes: { source: "test" } },
      { id: `${p}b`, name: "B", description: null, tags: [], topicId: null, attributes: {} },
    ],
    prerequisites: [{ conceptId: `${p}b`, prerequisiteId: `${p}a`, weight: 0.75 }],
    items: [
      { id: `${p}i1`, kind: "QUESTION", title: "Q1", difficulty: -0.5, url: null, assesses: [{ conceptId: `${p}a`, weight: 1 }], attributes: {} },
      { id: `${p}i2`, kind: "video", title: "V", difficulty: 0, url: "https://example.org/v", assesses: [{ conceptId: `${p}a`, weight: 1 }, { conceptId: `${p}b`, weight: 0.5 }], attributes: {} },
    ],
  };

  it("imports topics, concepts, prerequisites and items in one transaction", async () => {
    const r = await s.gql(ImportCurriculumDocument, { format: "JSON", content: JSON.stringify(doc) }, s.designer);
    expect(r.data?.importCurriculum).toMatchObject({ applied: true, valid: true, problems: [] });
    expect(r.data?.importCurriculum.counts).toEqual({ conceptsCreated: 2, conceptsUpdated: 0, prerequisitesCreated: 1, prerequisitesUpdated: 0, itemsCreated: 2, itemsUpdated: 0, topicsWritten: 2 });
    expect(await dbState(s, p)).toMatchObject({ concepts: 2, prerequisites: 1, items: 2, links: 3 });
    const item = await s.gql(ItemDocument, { id: `${p}i2` });
    expect(item.data?.item).toMatchObject({ kind: "VIDEO", assesses: [{ conceptId: `${p}a`, weight: 1 }, { conceptId: `${p}b`, weight: 0.5 }] });
  });

  it("rejects a bad item row, names it, and writes nothing", async () => {
    const bad = { ...doc, items: [...doc.items, { id: `${p}i3`, kind: "PODCAST", title: "", assesses: [{ conceptId: `${p}zzz` }] }] };
    const before = await dbState(s, p);
    const r = await s.gql(ImportCurriculumDocument, { format: "JSON", content: JSON.stringify(bad) }, s.designer);
    expect(r.data?.importCurriculum.problems.map((x) => [x.section, x.row, x.code])).toEqual([
      ["ITEMS", 3, "MISSING_FIELD"],
      ["ITEMS", 3, "INVALID_VALUE"],
      ["ITEMS", 3, "UNKNOWN_CONCEPT"],
    ]);
    expect(await dbState(s, p)).toEqual(before);
    const broken = await s.gql(ImportCurriculumDocument, { format: "JSON", content: "{ not json" }, s.designer);
    expect(broken.data?.importCurriculum.problems[0]?.code).toBe("PARSE_ERROR");
  });

  it("exports what it imported, losslessly", async () => {
    const r = await s.gql(ExportCurriculumDocument, {}, s.designer);
    const exported = JSON.parse(r.data?.exportCurriculum ?? "{}") as typeof doc;
    const mine = <T extends { id?: string; conceptId?: string }>(list: T[]) => list.filter((x) => (x.id ?? x.conceptId ?? "").startsWith(p));
    expect(mine(exported.topics)).toEqual([...doc.topics].sort((a, b) => a.id.localeCompare(b.id)));
    expect(mine(exported.concepts)).toEqual(doc.concepts);
    expect(mine(exported.prerequisites)).toEqual(doc.prerequisites);
    expect(mine(exported.items)).toEqual(doc.items.map((i) => ({ ...i, kind: i.kind.toUpperCase() })));
  });

  it("is refused for learners and anonymous callers", async () => {
    const learner = await s.token(Role.LEARNER, "someone");
    expect(codes(await s.gql(ImportCurriculumDocument, { format: "JSON", content: "{}" }, learner))).toEqual(["FORBIDDEN"]);
    expect(codes(await s.gql(ImportCurriculumDocument, { format: "JSON", content: "{}" }))).toEqual(["UNAUTHENTICATED"]);
  });
});

describe("the frontier CLI", () => {
  it("exports to a file and imports it back with --dry-run, showing the report", () => {
    const dir = mkdtempSync(join(tmpdir(), "frontier-cli-"));
    const file = join(dir, "curriculum.json");
    const env = { ...process.env, LOG_LEVEL: "silent" };
    const exp = spawnSync("npx", ["tsx", "src/cli/main.ts", "export", file], { encoding: "utf8", env });
    expect(exp.status).toBe(0);
    const doc = JSON.parse(readFileSync(file, "utf8")) as { concepts: Array<{ id: string }> };
    expect(doc.concepts.some((c) => c.id === `${P}json-a`)).toBe(true);

    const csv = join(dir, "messy.csv");
    writeFileSync(csv, messyCsv(`${P}cli-`));
    const imp = spawnSync("npx", ["tsx", "src/cli/main.ts", "import", csv, "--dry-run"], { encoding: "utf8", env });
    expect(imp.status).toBe(1);
    expect(imp.stderr).toContain("ERROR CYCLE (prerequisites row 7)");
    expect(imp.stderr).toContain("dry run, nothing written");
  });
});
