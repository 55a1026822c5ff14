import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../src/modules/curriculum/import/parse-csv.js";
import { parseJson } from "../../../src/modules/curriculum/import/parse-json.js";
import { validateImport, type ExistingCurriculum } from "../../../src/modules/curriculum/import/validate.js";

const empty: ExistingCurriculum = { conceptIds: new Set(), itemIds: new Set(), topicLevels: new Map(), edges: [] };

describe("parseCsv", () => {
  it("reads a BOM, CRLF, quoted lists, weights, blank lines and extra columns with spreadsheet row numbers", () => {
    const csv = '\uFEFFID,Name,Prerequisites,Tags,Source\r\n\r\nb,B,"a, c=0.5","x, y",book\r\n';
    const parsed = parseCsv(csv);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toEqual([
      { section: "concepts", row: 3, value: { id: "b", name: "B", description: null, tags: ["x", "y"], topicId: null, attributes: { Source: "book" } } },
      { section: "prerequisites", row: 3, value: { conceptId: "b", prerequisiteId: "a", weight: 1 } },
      { section: "prerequisites", row: 3, value: { conceptId: "b", prerequisiteId: "c", weight: 0.5 } },
    ]);
  });

  it("reports an unterminated quote as a parse error", () => {
    expect(parseCsv('id,name\na,"oops\n').problems[0]?.code).toBe("PARSE_ERROR");
  });
});

describe("validateImport", () => {
  it("rejects a cycle that passes through edges already in the database", () => {
    const existing = { ...empty, conceptIds: new Set(["a", "b"]), edges: [{ conceptId: "b", prerequisiteId: "a" }] };
    const result = validateImport(parseJson(JSON.stringify({ prerequisites: [{ conceptId: "a", prerequisiteId: "b" }] })), existing);
    expect(result.problems).toEqual([expect.objectContaining({ code: "CYCLE", path: ["a", "b", "a"], section: "prerequisites", row: 1 })]);
    expect(result.plan.prerequisites).toEqual([]);
  });

  it("checks topic levels: a chapter cannot sit inside a topic", () => {
    const doc = { topics: [{ id: "t", name: "T", level: "TOPIC" }, { id: "c", name: "C", level: "CHAPTER", parentId: "t" }] };
    expect(validateImport(parseJson(JSON.stringify(doc)), empty).problems.map((p) => p.code)).toEqual(["INVALID_VALUE"]);
  });

  it("keeps identical duplicates as warnings and conflicting duplicates as errors", () => {
    const doc = { concepts: [{ id: "a", name: "A" }, { id: "a", name: "A" }, { id: "a", name: "Other" }] };
    const r = validateImport(parseJson(JSON.stringify(doc)), empty);
    expect(r.problems.map((p) => [p.severity, p.code, p.row])).toEqual([
      ["WARNING", "DUPLICATE_ROW", 2],
      ["ERROR", "DUPLICATE_ID", 3],
    ]);
    expect(r.plan.concepts).toEqual([{ id: "a", name: "A", description: null, tags: [], topicId: null, attributes: {} }]);
  });

  it("takes a concept's own prerequisites list (ids, id=weight, objects) as edges, reported at the concept's row", () => {
    const doc = {
      concepts: [
        { id: "a", name: "A" },
        { id: "b", name: "B", prerequisites: ["a"] },
        { id: "c", name: "C", prerequisites: ["a=0.5", { prerequisiteId: "b", weight: 0.25 }, { conceptId: "b" }] },
        { id: "d", name: "D", prerequisites: [{ id: "d" }, 7] },
      ],
    };
    const r = validateImport(parseJson(JSON.stringify(doc)), empty);
    // Written out by hand: b<-a (1), c<-a (0.5), c<-b (0.25, then the same pair again: a duplicate), d<-d (self-loop), 7 (not an entry).
    expect(r.plan.prerequisites.map((e) => [e.conceptId, e.prerequisiteId, e.weight])).toEqual([
      ["b", "a", 1],
      ["c", "a", 0.5],
      ["c", "b", 0.25],
    ]);
    expect(r.plan.concepts.map((c) => c.id)).toEqual(["a", "b", "c", "d"]);
    expect(r.plan.concepts.every((c) => !("prerequisites" in c))).toBe(true);
    expect(r.problems.map((p) => [p.code, p.row])).toEqual(expect.arrayContaining([["PARSE_ERROR", 4], ["SELF_LOOP", 4]]));
  });

  it("rejects bad weights and invalid ids", () => {
    const doc = { concepts: [{ id: "!!!", name: "x" }, { id: "c", name: "C" }], prerequisites: [{ conceptId: "c", prerequisiteId: "c" }, { conceptId: "c", prerequisiteId: "a", weight: 0 }] };
    const r = validateImport(parseJson(JSON.stringify(doc)), { ...empty, conceptIds: new Set(["a"]) });
    expect(r.problems.map((p) => p.code)).toEqual(["INVALID_ID", "SELF_LOOP", "INVALID_VALUE"]);
  });
});
