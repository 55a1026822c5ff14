import { describe, expect, it } from "vitest";
import { staleCaches } from "../../../src/modules/curriculum/stale-caches.js";
import type { CurriculumChangeRecord, CurriculumEntity, CurriculumOperation } from "../../../src/modules/live/live.records.js";

const change = (entity: CurriculumEntity, operation: CurriculumOperation, id = "c1", relatedId: string | null = null): CurriculumChangeRecord => ({
  changeId: `${entity}-${operation}-${id}`,
  entity,
  operation,
  id,
  relatedId,
  summary: null,
  recordedAt: 0,
});

describe("staleCaches", () => {
  it("a concept's own edit makes only that concept stale", () => {
    expect(staleCaches([change("CONCEPT", "UPDATED", "c1"), change("CONCEPT", "UPDATED", "c2")])).toEqual({ all: false, concepts: ["c1", "c2"], items: false, structure: false });
  });
  it("item edits and links make only the item caches stale", () => {
    for (const op of ["CREATED", "UPDATED", "DELETED"] as const) expect(staleCaches([change("ITEM", op, "i1")])).toEqual({ all: false, concepts: [], items: true, structure: false });
    expect(staleCaches([change("ITEM_LINK", "CREATED", "i1", "c1")])).toEqual({ all: false, concepts: [], items: true, structure: false });
  });
  it("anything that touches the graph makes everything stale", () => {
    expect(staleCaches([change("CONCEPT", "CREATED")]).all).toBe(true);
    expect(staleCaches([change("CONCEPT", "DELETED")]).all).toBe(true);
    // An edge: its dependent end's record and every walk of the graph; not items, not the rest.
    for (const op of ["CREATED", "UPDATED", "DELETED"] as const) expect(staleCaches([change("PREREQUISITE", op, "c1", "c0")])).toEqual({ all: false, concepts: ["c1"], items: false, structure: true });
    expect(staleCaches([change("IMPORT", "UPDATED", "curriculum")]).all).toBe(true);
    expect(staleCaches([change("CONCEPT", "CREATED"), change("PREREQUISITE", "CREATED", "c1", "c0")]).all).toBe(true);
  });
  it("no change, nothing stale", () => {
    expect(staleCaches([])).toEqual({ all: false, concepts: [], items: false, structure: false });
  });
});
