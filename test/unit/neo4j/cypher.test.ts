import { describe, expect, it } from "vitest";
import { cypher, sendable, withDepthBound } from "../../../src/neo4j/cypher.js";

describe("withDepthBound", () => {
  const q = cypher("curriculum/concept-graph-both");
  it("lowers every *1..12 bound to the depth asked for, and only that", () => {
    const three = withDepthBound(q, 3);
    expect(three.name).toBe("curriculum/concept-graph-both@3");
    expect(three.text).not.toMatch(/\*1\.\.12\]/);
    expect(three.text.match(/\*1\.\.3\]/g)).toHaveLength(q.text.match(/\*1\.\.12\]/g)?.length ?? -1);
    expect(three.text.replaceAll("*1..3]", "*1..12]")).toBe(q.text);
  });
  it("accepts only an integer depth in 1..12 and a query that has the pattern", () => {
    for (const bad of [0, 13, 2.5, Number.NaN]) expect(() => withDepthBound(q, bad)).toThrow(/1\.\.12/);
    expect(() => withDepthBound(cypher("health/ping"), 3)).toThrow(/no \*1\.\.12 pattern/);
  });
});

describe("sendable", () => {
  it("drops whole-line comments and blank lines, and keeps everything else as written", () => {
    const text = "// what this does\n\nMATCH (c:Concept {id: $id})\n  // why\nRETURN c.url = 'http://x' // kept: may be inside a string\n";
    expect(sendable(text)).toBe("MATCH (c:Concept {id: $id})\nRETURN c.url = 'http://x' // kept: may be inside a string");
  });
  it("is what cypher() returns", () => {
    const q = cypher("recommendations/frontier");
    expect(q.text).not.toMatch(/^\s*\/\//m);
    expect(q.text).toMatch(/^MATCH \(l:Learner \{id: \$learnerId\}\)/);
  });
});
