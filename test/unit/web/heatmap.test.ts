import { describe, expect, it } from "vitest";
import { BANDS, bandOf, colourOf, groupColumns, sortRows, type ConceptInfo } from "../../../web/src/heatmap/scale.js";

describe("heatmap colour scale", () => {
  it("maps mastery to the five documented bands, edges included", () => {
    // The band limits as documented in the legend: <0.2, 0.2-0.4, 0.4-0.6, 0.6-0.95, >=0.95.
    const cases: [number, number][] = [
      [0, 0],
      [0.19, 0],
      [0.2, 1],
      [0.39, 1],
      [0.4, 2],
      [0.6, 3],
      [0.949, 3],
      [0.95, 4],
      [1, 4],
      [Number.NaN, 0],
    ];
    for (const [p, band] of cases) expect(bandOf(p)).toBe(band);
    expect(BANDS).toHaveLength(5);
  });

  it("keeps text readable: dark bands get white text, light bands dark text (WCAG contrast >= 4.5)", () => {
    // Relative luminance and contrast ratio from WCAG 2.1, computed here independently.
    const lum = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a: string, b: string) => {
      const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m) as [number, number];
      return (x + 0.05) / (y + 0.05);
    };
    for (const p of [0.1, 0.3, 0.5, 0.8, 0.97]) {
      const { background, color } = colourOf(p);
      expect(contrast(background, color)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe("heatmap ordering", () => {
  const m = {
    learnerIds: ["l-b", "l-a", "l-c"],
    conceptIds: ["c2", "c1", "c3"],
    values: [
      [0.9, 0.1, 0.5], // l-b: mean 0.5
      [0.2, 0.8, 0.2], // l-a: mean 0.4
      [0.9, 0.9, 0.9], // l-c: mean 0.9
    ],
  };
  it("sorts learners by id, by mean and by one concept, with ties broken by id", () => {
    const ids = (rows: number[]) => rows.map((i) => m.learnerIds[i]);
    expect(ids(sortRows(m, { by: "learner" }, "asc"))).toEqual(["l-a", "l-b", "l-c"]);
    expect(ids(sortRows(m, { by: "mean" }, "desc"))).toEqual(["l-c", "l-b", "l-a"]);
    // c2 column: l-b 0.9, l-a 0.2, l-c 0.9: ascending puts l-a first, then the 0.9 tie by id.
    expect(ids(sortRows(m, { by: "concept", conceptId: "c2" }, "asc"))).toEqual(["l-a", "l-b", "l-c"]);
    expect(ids(sortRows(m, { by: "concept", conceptId: "c2" }, "desc"))).toEqual(["l-b", "l-c", "l-a"]);
  });

  it("groups columns by topic in curriculum order, unknown concepts last", () => {
    const info = new Map<string, ConceptInfo>([
      ["c1", { name: "Alpha", topicId: "t2", topicName: "Second", topicOrder: 1 }],
      ["c2", { name: "Beta", topicId: "t1", topicName: "First", topicOrder: 0 }],
    ]);
    const groups = groupColumns(m, info);
    expect(groups.map((g) => g.topicName)).toEqual(["First", "Second", "Other"]);
    expect(groups.map((g) => g.columns.map((j) => m.conceptIds[j]))).toEqual([["c2"], ["c1"], ["c3"]]);
  });

  it("puts the weakest concept of a topic first when asked", () => {
    const info = new Map<string, ConceptInfo>(["c1", "c2", "c3"].map((id) => [id, { name: id, topicId: "t", topicName: "T", topicOrder: 0 }]));
    // Column means: c2 (0.9+0.2+0.9)/3 = 0.667, c1 (0.1+0.8+0.9)/3 = 0.6, c3 (0.5+0.2+0.9)/3 = 0.533.
    const [g] = groupColumns(m, info, true);
    expect(g?.columns.map((j) => m.conceptIds[j])).toEqual(["c3", "c1", "c2"]);
  });
});
