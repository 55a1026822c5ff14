import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../src/modules/curriculum/import/parse-csv.js";
import { validateImport, type ExistingCurriculum } from "../../../src/modules/curriculum/import/validate.js";

const empty: ExistingCurriculum = { conceptIds: new Set(), itemIds: new Set(), topicLevels: new Map(), edges: [] };

describe("duplicate prerequisite messages (issue 21 item 9)", () => {
  it("a prerequisite listed twice in one CSV row says so, instead of 'repeats row N' of itself", () => {
    const csv = 'id,name,prerequisites\na,A,\nb,B,"a, a"\n';
    const r = validateImport(parseCsv(csv), empty);
    expect(r.problems.map((p) => [p.code, p.row, p.message])).toEqual([["DUPLICATE_ROW", 3, "Prerequisite b->a is listed twice in row 3; the repeat is ignored."]]);
  });
});

describe("ids a designer did not choose (issue 21 item 9)", () => {
  it("maps 'angle types' to 'angle-types' wherever it appears, reports it once, and keeps the concepts that require it", () => {
    const csv = 'id,name,prerequisites\nangle types,Angle types,\nTriangles,Triangles,"angle types"\ncafé au lait,Café,"angle types, Triangles"\n';
    const r = validateImport(parseCsv(csv), empty);
    expect(r.problems.map((p) => [p.severity, p.code, p.row, p.ids])).toEqual([
      ["WARNING", "ID_MAPPED", 2, ["angle-types"]],
      ["WARNING", "ID_MAPPED", 4, ["cafe-au-lait"]],
    ]);
    expect(r.plan.concepts.map((c) => c.id)).toEqual(["angle-types", "Triangles", "cafe-au-lait"]);
    expect(r.plan.prerequisites.map((e) => [e.conceptId, e.prerequisiteId])).toEqual([
      ["Triangles", "angle-types"],
      ["cafe-au-lait", "angle-types"],
      ["cafe-au-lait", "Triangles"],
    ]);
  });

  it("an id with nothing valid left is still INVALID_ID", () => {
    const r = validateImport(parseCsv("id,name\n!!!,X\n"), empty);
    expect(r.problems.map((p) => p.code)).toEqual(["INVALID_ID"]);
  });
});
