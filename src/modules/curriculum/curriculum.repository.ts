import { cypher, MAX_PATH_DEPTH, withDepthBound, type CypherQuery } from "../../neo4j/cypher.js";
import { derivedProperties } from "../../domain/curriculum/graph-analysis.js";
import type { Database, Row, Tx } from "../../neo4j/run.js";
import type { Edge } from "../../domain/curriculum/graph-analysis.js";
import type { Concept, PrerequisiteEdge } from "./concept.type.js";
import type { Item, ItemConceptLink } from "./item.type.js";
import type { Topic } from "./topic.type.js";

const Q = {
  getConcepts: cypher("curriculum/get-concepts-by-ids"),
  listConcepts: cypher("curriculum/list-concepts"),
  createConcept: cypher("curriculum/create-concept"),
  updateConcept: cypher("curriculum/update-concept"),
  deleteConcept: cypher("curriculum/delete-concept"),
  dependents: cypher("curriculum/get-dependents"),
  lock: cypher("curriculum/lock-prerequisites"),
  conceptsExist: cypher("curriculum/concepts-exist"),
  addPrerequisite: cypher("curriculum/add-prerequisite"),
  updatePrerequisite: cypher("curriculum/update-prerequisite"),
  removePrerequisite: cypher("curriculum/remove-prerequisite"),
  prerequisitesOf: cypher("curriculum/prerequisites-of"),
  dependentsOf: cypher("curriculum/dependents-of"),
  graph: {
    PREREQUISITES: cypher("curriculum/concept-graph-prerequisites"),
    DEPENDENTS: cypher("curriculum/concept-graph-dependents"),
    BOTH: cypher("curriculum/concept-graph-both"),
  },
  getItems: cypher("curriculum/get-items-by-ids"),
  listItems: cypher("curriculum/list-items"),
  createItem: cypher("curriculum/create-item"),
  updateItem: cypher("curriculum/update-item"),
  deleteItem: cypher("curriculum/delete-item"),
  linkItem: cypher("curriculum/link-item"),
  unlinkItem: cypher("curriculum/unlink-item"),
  itemsOfConcepts: cypher("curriculum/items-of-concepts"),
  conceptsOfItems: cypher("curriculum/concepts-of-items"),
  topicsOfConcepts: cypher("curriculum/topics-of-concepts"),
  getTopics: cypher("curriculum/get-topics-by-ids"),
  listTopics: cypher("curriculum/list-topics"),
  childrenOfTopics: cypher("curriculum/children-of-topics"),
  conceptsUnderTopics: cypher("curriculum/concepts-under-topics"),
  snapshot: cypher("curriculum/snapshot"),
  derivedRead: cypher("curriculum/derived-read"),
  derivedWrite: cypher("curriculum/derived-write"),
  derivedVersion: cypher("curriculum/derived-version"),
  unlocksWriteIfCurrent: cypher("curriculum/unlocks-write-if-current"),
  importTopics: cypher("curriculum/import-topics"),
  importTopicParents: cypher("curriculum/import-topic-parents"),
  importConcepts: cypher("curriculum/import-concepts"),
  importPrerequisites: cypher("curriculum/import-prerequisites"),
  importItems: cypher("curriculum/import-items"),
};

/** conceptGraph's closures, one variant per depth, so the traversal stops where the caller asked. */
const GRAPH_BY_DEPTH = Object.fromEntries(
  (Object.keys(Q.graph) as Array<keyof typeof Q.graph>).map((d) => [d, Array.from({ length: MAX_PATH_DEPTH }, (_, i) => withDepthBound(Q.graph[d], i + 1))]),
) as Record<keyof typeof Q.graph, CypherQuery[]>;

export interface ConceptFields {
  id: string;
  name: string;
  description: string | null;
  tags: string[];
  topicId: string | null;
  attributes: string | null;
}

export interface ItemFields {
  id: string;
  kind: string;
  title: string;
  difficulty: number;
  url: string | null;
  attributes: string | null;
  links: Array<{ conceptId: string; weight: number }>;
}

export interface Snapshot {
  concepts: Array<Concept & { topicId: string | null; itemCount: number; attributes: string | null }>;
  prerequisites: PrerequisiteEdge[];
  items: Array<Item & { links: Array<{ conceptId: string; weight: number }> }>;
  topics: Array<Topic & { parentId: string | null }>;
}

const asConcept = (r: Row) => r.concept as Concept;
const asItem = (r: Row) => r.item as Item;

/** Groups batch rows `{id, ...}` by id, in the order of `ids` (DataLoader contract). */
export function groupBy<T>(ids: readonly string[], rows: Row[], pick: (r: Row) => T): T[][] {
  const map = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const r of rows) map.get(r.id as string)?.push(pick(r));
  return ids.map((id) => map.get(id) ?? []);
}

/** The only code that names the curriculum's .cypher files. */
export class CurriculumRepository {
  constructor(private readonly db: Database) {}

  async conceptsByIds(ids: readonly string[]): Promise<Concept[]> {
    return (await this.db.read(Q.getConcepts, { ids })).map(asConcept);
  }

  async listConcepts(filter: { search: string | null; tag: string | null; topicId: string | null; after: string | null; limit: number }) {
    const [row] = await this.db.read(Q.listConcepts, filter);
    return { total: (row?.total as number) ?? 0, page: ((row?.page as Concept[]) ?? []) };
  }

  async createConcept(tx: Tx, c: ConceptFields): Promise<Concept> {
    const [row] = await tx.run(Q.createConcept, { ...c });
    return asConcept(row as Row);
  }

  async updateConcept(
    tx: Tx,
    id: string,
    patch: { name: string | null; description: string | null; setDescription: boolean; tags: string[] | null; topicId: string | null; setTopic: boolean },
  ): Promise<Concept | null> {
    const [row] = await tx.run(Q.updateConcept, { id, ...patch });
    return row ? asConcept(row) : null;
  }

  async dependentIds(tx: Tx, id: string): Promise<string[]> {
    return (await tx.run(Q.dependents, { id })).map((r) => r.id as string);
  }

  async deleteConcept(tx: Tx, id: string): Promise<number | null> {
    const [row] = await tx.run(Q.deleteConcept, { id });
    return row ? (row.detached as number) : null;
  }

  /**
   * Recomputes the concepts' derived properties (`unlocks`, `root`) from the graph as this
   * transaction sees it and writes the ones that changed. Call after a structural change, in the
   * same transaction, holding the prerequisite lock. `changedAt`: the prerequisite ends of the
   * edges just added or removed (only their upstream is recounted); null recounts everything.
   * Returns how many concepts changed.
   */
  async refreshDerived(tx: Tx, changedAt: readonly string[] | null = null): Promise<number> {
    const rows = await tx.run(Q.derivedRead);
    const edges = rows.flatMap((r) => (r.prerequisiteIds as string[]).map((p) => ({ conceptId: r.id as string, prerequisiteId: p })));
    const fresh = derivedProperties(rows.map((r) => r.id as string), edges, 12, changedAt);
    const changed = rows.flatMap((r) => {
      const now = fresh.get(r.id as string);
      if (!now) return [];
      const unlocks = now.unlocks ?? (r.unlocks as number | null) ?? 0;
      return r.unlocks !== unlocks || r.root !== now.root ? [{ id: r.id as string, unlocks, root: now.root }] : [];
    });
    for (let i = 0; i < changed.length; i += 5000) await tx.run(Q.derivedWrite, { rows: changed.slice(i, i + 5000) });
    return changed.length;
  }

  /**
   * Recounts `unlocks` upstream of `changedAt` outside any edit's transaction: reads the graph's
   * version, then the graph, computes, and writes only if no structural edit committed in between
   * (the write takes the prerequisite lock for its check, briefly). Returns false when an edit
   * got in first: the caller retries on the newer graph. `beforeWrite` lets a test commit an
   * edit between the read and the write.
   */
  async refreshUnlocksIfCurrent(changedAt: readonly string[], beforeWrite?: () => Promise<void>): Promise<boolean> {
    const [v] = await this.db.read(Q.derivedVersion);
    const version = (v?.version as number | undefined) ?? 0;
    const rows = await this.db.read(Q.derivedRead);
    const edges = rows.flatMap((r) => (r.prerequisiteIds as string[]).map((p) => ({ conceptId: r.id as string, prerequisiteId: p })));
    const fresh = derivedProperties(rows.map((r) => r.id as string), edges, 12, changedAt);
    const changed = rows.flatMap((r) => {
      const unlocks = fresh.get(r.id as string)?.unlocks;
      return unlocks !== null && unlocks !== undefined && unlocks !== r.unlocks ? [{ id: r.id as string, unlocks }] : [];
    });
    await beforeWrite?.();
    const [out] = await this.db.write(Q.unlocksWriteIfCurrent, { version, rows: changed });
    return out?.current === true;
  }

  /** Serialises prerequisite edits; must be the first statement of the transaction. */
  async lockPrerequisites(tx: Tx): Promise<number> {
    const [row] = await tx.run(Q.lock);
    return row?.version as number;
  }

  async missingConcepts(tx: Tx, ids: string[]): Promise<string[]> {
    return (await tx.run(Q.conceptsExist, { ids })).filter((r) => !r.exists).map((r) => r.id as string);
  }

  async updatePrerequisite(tx: Tx, e: PrerequisiteEdge): Promise<PrerequisiteEdge | null> {
    const [row] = await tx.run(Q.updatePrerequisite, { ...e });
    return (row as PrerequisiteEdge | undefined) ?? null;
  }

  /**
   * Adds c REQUIRES p in one statement that takes the prerequisite lock first (see
   * add-prerequisite.cypher; taking it again in a transaction that holds it is harmless). `back`
   * is the path from p to c when the edge would close a cycle; then nothing is written.
   */
  async addPrerequisite(tx: Tx, e: PrerequisiteEdge): Promise<{ conceptExists: boolean; prerequisiteExists: boolean; back: string[] | null; weight: number | null }> {
    const [row] = await tx.run(Q.addPrerequisite, { ...e });
    return {
      conceptExists: row?.conceptExists === true,
      prerequisiteExists: row?.prerequisiteExists === true,
      back: (row?.back as string[] | null | undefined) ?? null,
      weight: (row?.weight as number | null | undefined) ?? null,
    };
  }

  /** Removes the edge in one statement that takes the prerequisite lock first; 0 when there was none. */
  async removePrerequisite(conceptId: string, prerequisiteId: string): Promise<number> {
    const [row] = await this.db.write(Q.removePrerequisite, { conceptId, prerequisiteId });
    return (row?.removed as number) ?? 0;
  }

  async prerequisitesOf(ids: readonly string[]): Promise<PrerequisiteEdge[][]> {
    const rows = await this.db.read(Q.prerequisitesOf, { ids });
    return groupBy(ids, rows, (r) => ({ conceptId: r.id as string, prerequisiteId: r.otherId as string, weight: r.weight as number }));
  }

  async dependentsOf(ids: readonly string[]): Promise<PrerequisiteEdge[][]> {
    const rows = await this.db.read(Q.dependentsOf, { ids });
    return groupBy(ids, rows, (r) => ({ conceptId: r.otherId as string, prerequisiteId: r.id as string, weight: r.weight as number }));
  }

  /** The closure's ids of the roots in one direction, `depth` levels (1-12) deep, with the edges inside it. */
  async closure(direction: keyof typeof Q.graph, rootIds: string[], depth: number): Promise<{ ids: string[]; edges: PrerequisiteEdge[] }> {
    const [row] = await this.db.read(GRAPH_BY_DEPTH[direction][depth - 1] as CypherQuery, { rootIds });
    const ids = (row?.nodes as string[] | undefined) ?? [];
    const inside = new Set(ids);
    const edges = ((row?.edges as Array<[string, string, number]> | undefined) ?? [])
      .filter(([, prerequisiteId]) => inside.has(prerequisiteId))
      .map(([conceptId, prerequisiteId, weight]) => ({ conceptId, prerequisiteId, weight }));
    return { ids, edges };
  }

  async itemsByIds(ids: readonly string[]): Promise<Item[]> {
    return (await this.db.read(Q.getItems, { ids })).map(asItem);
  }

  async listItems(filter: { conceptId: string | null; kind: string | null; after: string | null; limit: number }) {
    const [row] = await this.db.read(Q.listItems, filter);
    return { total: (row?.total as number) ?? 0, page: ((row?.page as Item[]) ?? []) };
  }

  async createItem(tx: Tx, item: ItemFields): Promise<Item> {
    const [row] = await tx.run(Q.createItem, { ...item });
    return asItem(row as Row);
  }

  async updateItem(tx: Tx, id: string, patch: { kind: string | null; title: string | null; difficulty: number | null; url: string | null; setUrl: boolean }) {
    const [row] = await tx.run(Q.updateItem, { id, ...patch });
    return row ? asItem(row) : null;
  }

  async deleteItem(tx: Tx, id: string): Promise<boolean> {
    const [row] = await tx.run(Q.deleteItem, { id });
    return ((row?.deleted as number) ?? 0) > 0;
  }

  async linkItem(tx: Tx, itemId: string, conceptId: string, weight: number): Promise<Item | null> {
    const [row] = await tx.run(Q.linkItem, { itemId, conceptId, weight });
    return row ? asItem(row) : null;
  }

  async unlinkItem(tx: Tx, itemId: string, conceptId: string): Promise<{ item: Item; removed: number } | null> {
    const [row] = await tx.run(Q.unlinkItem, { itemId, conceptId });
    return row ? { item: asItem(row), removed: row.removed as number } : null;
  }

  async itemsOfConcepts(ids: readonly string[]): Promise<Array<Array<Item & { weight: number }>>> {
    const rows = await this.db.read(Q.itemsOfConcepts, { ids });
    return groupBy(ids, rows, (r) => ({ ...(r.item as Item), weight: r.weight as number }));
  }

  async conceptsOfItems(ids: readonly string[]): Promise<ItemConceptLink[][]> {
    const rows = await this.db.read(Q.conceptsOfItems, { ids });
    return groupBy(ids, rows, (r) => ({ itemId: r.id as string, conceptId: r.conceptId as string, weight: r.weight as number }));
  }

  async topicsOfConcepts(ids: readonly string[]): Promise<Array<Topic | null>> {
    const rows = await this.db.read(Q.topicsOfConcepts, { ids });
    return groupBy(ids, rows, (r) => r.topic as Topic).map((list) => list[0] ?? null);
  }

  async topicsByIds(ids: readonly string[]): Promise<Topic[]> {
    return (await this.db.read(Q.getTopics, { ids })).map((r) => r.topic as Topic);
  }

  async listTopics(level: string | null): Promise<Topic[]> {
    return (await this.db.read(Q.listTopics, { level })).map((r) => r.topic as Topic);
  }

  async childrenOfTopics(ids: readonly string[]): Promise<Topic[][]> {
    return groupBy(ids, await this.db.read(Q.childrenOfTopics, { ids }), (r) => r.topic as Topic);
  }

  async conceptIdsUnderTopics(ids: readonly string[]): Promise<string[][]> {
    return groupBy(ids, await this.db.read(Q.conceptsUnderTopics, { ids }), (r) => r.conceptId as string);
  }

  /** The whole curriculum; inside `tx` when given (imports read it under the prerequisite lock). */
  async snapshot(tx?: Tx): Promise<Snapshot> {
    const rows = tx ? await tx.run(Q.snapshot) : await this.db.read(Q.snapshot);
    const row = rows[0] ?? {};
    return {
      concepts: (row.concepts as Snapshot["concepts"]) ?? [],
      prerequisites: (row.prerequisites as PrerequisiteEdge[]) ?? [],
      items: (row.items as Snapshot["items"]) ?? [],
      topics: (row.topics as Snapshot["topics"]) ?? [],
    };
  }

  /** Bulk writers for imports (one UNWIND statement per batch, inside the caller's transaction). */
  readonly bulk = {
    topics: (tx: Tx, rows: unknown[]) => tx.run(Q.importTopics, { rows }),
    topicParents: (tx: Tx, rows: unknown[]) => tx.run(Q.importTopicParents, { rows }),
    concepts: (tx: Tx, rows: unknown[]) => tx.run(Q.importConcepts, { rows }),
    prerequisites: (tx: Tx, rows: unknown[]) => tx.run(Q.importPrerequisites, { rows }),
    items: (tx: Tx, rows: unknown[]) => tx.run(Q.importItems, { rows }),
  };

  edgesOf(snapshot: Snapshot): Edge[] {
    return snapshot.prerequisites.map((p) => ({ conceptId: p.conceptId, prerequisiteId: p.prerequisiteId }));
  }
}
