/**
 * The curriculum's concept graph held in memory: small (tens of bytes per concept and edge),
 * changing only through curriculum edits, so each server keeps one copy, rebuilt when an edit
 * commits (see CurriculumService.graph). Read-only once built.
 */
export interface GraphConcept {
  id: string;
  name: string;
  topicId: string | null;
  /** Stored derived count of concepts downstream (12 levels), as the curriculum service maintains it. */
  unlocks: number;
  /** Stored derived flag: no prerequisites. */
  root: boolean;
  /** REQUIRES edges out of this concept: its prerequisites with their weights. */
  prerequisites: ReadonlyArray<{ id: string; weight: number }>;
}

export class CurriculumGraph {
  private readonly byId = new Map<string, GraphConcept>();
  private readonly dependentsOf = new Map<string, string[]>();
  private readonly inTopic = new Map<string, string[]>();
  /** Concepts flagged `root`, by id. */
  readonly roots: readonly GraphConcept[];

  constructor(concepts: readonly GraphConcept[]) {
    for (const c of concepts) this.byId.set(c.id, c);
    for (const c of concepts) {
      for (const p of c.prerequisites) {
        const list = this.dependentsOf.get(p.id);
        if (list) list.push(c.id);
        else this.dependentsOf.set(p.id, [c.id]);
      }
    }
    this.roots = concepts.filter((c) => c.root);
    for (const c of concepts) {
      if (c.topicId === null) continue;
      const list = this.inTopic.get(c.topicId);
      if (list) list.push(c.id);
      else this.inTopic.set(c.topicId, [c.id]);
    }
  }


  /**
   * A new graph with these concepts' rows replaced by `rows` (an id of `ids` without a row is
   * removed): the copy after edits of some concepts' own records, without reloading the rest.
   */
  withConcepts(ids: readonly string[], rows: readonly GraphConcept[]): CurriculumGraph {
    const replaced = new Map(rows.map((r) => [r.id, r]));
    const gone = new Set(ids.filter((id) => !replaced.has(id)));
    const out: GraphConcept[] = [];
    for (const c of this.byId.values()) {
      if (gone.has(c.id)) continue;
      out.push(replaced.get(c.id) ?? c);
      replaced.delete(c.id);
    }
    out.push(...replaced.values());
    return new CurriculumGraph(out);
  }

  /** The concepts of a topic (directly in it). */
  topicMembers(topicId: string): readonly string[] {
    return this.inTopic.get(topicId) ?? [];
  }

  get size(): number {
    return this.byId.size;
  }

  /** Every concept, in load order. */
  all(): GraphConcept[] {
    return [...this.byId.values()];
  }

  concept(id: string): GraphConcept | undefined {
    return this.byId.get(id);
  }

  /** Concepts that require `id` directly. */
  dependents(id: string): readonly string[] {
    return this.dependentsOf.get(id) ?? [];
  }

  /**
   * The roots (those that exist) and every concept within `depth` edges of them along REQUIRES
   * (`PREREQUISITES`), against it (`DEPENDENTS`) or both, with every edge between two of them:
   * what `cypher/curriculum/concept-graph-*.cypher` return (the prerequisite graph is acyclic, so
   * "some path of at most `depth` edges" is "a shortest path of at most `depth`", found breadth
   * first). Ids in walk order, edges sorted by (concept, prerequisite).
   */
  neighbourhood(rootIds: readonly string[], direction: "PREREQUISITES" | "DEPENDENTS" | "BOTH", depth: number): { ids: string[]; edges: Array<{ conceptId: string; prerequisiteId: string; weight: number }> } {
    const roots = rootIds.filter((id) => this.byId.has(id));
    const found = new Set<string>(roots);
    const walk = (next: (id: string) => Iterable<string>) => {
      const seen = new Set<string>(roots);
      let layer = roots;
      for (let d = 0; d < depth && layer.length > 0; d++) {
        const following: string[] = [];
        for (const x of layer) {
          for (const y of next(x)) {
            if (seen.has(y) || !this.byId.has(y)) continue;
            seen.add(y);
            found.add(y);
            following.push(y);
          }
        }
        layer = following;
      }
    };
    if (direction !== "DEPENDENTS") walk((id) => (this.byId.get(id)?.prerequisites ?? []).map((p) => p.id));
    if (direction !== "PREREQUISITES") walk((id) => this.dependents(id));
    const edges: Array<{ conceptId: string; prerequisiteId: string; weight: number }> = [];
    for (const a of found) {
      for (const p of this.byId.get(a)?.prerequisites ?? []) if (found.has(p.id)) edges.push({ conceptId: a, prerequisiteId: p.id, weight: p.weight });
    }
    edges.sort((x, y) => (x.conceptId < y.conceptId ? -1 : x.conceptId > y.conceptId ? 1 : x.prerequisiteId < y.prerequisiteId ? -1 : x.prerequisiteId > y.prerequisiteId ? 1 : 0));
    return { ids: [...found], edges };
  }

  /**
   * The concept and every concept reachable from it along REQUIRES within `depth` edges
   * (`(:Concept {id})-[:REQUIRES*0..depth]->(x)`: reachable by some path that short is reachable
   * by a shortest path that short, so a breadth-first walk finds exactly these). Empty for an
   * unknown id.
   */
  prerequisiteClosure(id: string, depth: number): Set<string> {
    const out = new Set<string>();
    if (!this.byId.has(id)) return out;
    out.add(id);
    let layer = [id];
    for (let d = 0; d < depth && layer.length > 0; d++) {
      const next: string[] = [];
      for (const x of layer) {
        for (const p of this.byId.get(x)?.prerequisites ?? []) {
          if (!out.has(p.id) && this.byId.has(p.id)) {
            out.add(p.id);
            next.push(p.id);
          }
        }
      }
      layer = next;
    }
    return out;
  }
}
