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
