import { z } from "zod";
import { MAX_PATH_DEPTH, withDepthBound } from "../../neo4j/cypher.js";
import type { Database, Tx } from "../../neo4j/run.js";
import { first, groupById, readRows, retext, txRows, typedQuery, writeRows, type TypedQuery } from "../../neo4j/typed.js";
import { derivedProperties, type Edge } from "../../domain/curriculum/graph-analysis.js";
import type { GraphConcept } from "../../domain/curriculum/curriculum-graph.js";
import { ConceptRow, EdgeRow, EdgeTuple, ItemRow, LinkRow, TopicRow, type ConceptRecord, type ItemRecord, type TopicRecord } from "./curriculum.rows.js";
import type { PrerequisiteEdge } from "./concept.type.js";
import { ItemKind, type ItemConceptLink } from "./item.type.js";

const id = z.string();
const count = z.number();
const Written = z.object({ created: count, updated: count, written: count });

/** The graph copy's rows (concept-graph-all.cypher, concept-graph-of.cypher): one list per concept. */
const GraphConcepts = z.object({
      concepts: z.array(
        z
          .tuple([id, z.string(), z.string().nullable(), count, z.boolean(), z.array(z.tuple([id, z.number()]))])
          .transform(([cid, name, topicId, unlocks, root, prereqs]): GraphConcept => ({ id: cid, name, topicId, unlocks, root, prerequisites: prereqs.map(([pid, weight]) => ({ id: pid, weight })) })),
      ),
    });

const Q = {
  getConcepts: typedQuery("curriculum/get-concepts-by-ids", z.object({ concept: ConceptRow })),
  listConcepts: typedQuery("curriculum/list-concepts", z.object({ total: count, page: z.array(ConceptRow) })),
  createConcept: typedQuery("curriculum/create-concept", z.object({ concept: ConceptRow })),
  updateConcept: typedQuery("curriculum/update-concept", z.object({ concept: ConceptRow })),
  deleteConcept: typedQuery("curriculum/delete-concept", z.object({ detached: count })),
  dependents: typedQuery("curriculum/get-dependents", z.object({ id })),
  lock: typedQuery("curriculum/lock-prerequisites", z.object({ version: count })),
  conceptsExist: typedQuery("curriculum/concepts-exist", z.object({ id, exists: z.boolean() })),
  addPrerequisite: typedQuery(
    "curriculum/add-prerequisite",
    z.object({ conceptExists: z.boolean(), prerequisiteExists: z.boolean(), back: z.array(id).nullable(), weight: z.number().nullable() }),
  ),
  updatePrerequisite: typedQuery("curriculum/update-prerequisite", EdgeRow),
  removePrerequisite: typedQuery("curriculum/remove-prerequisite", z.object({ removed: count })),
  prerequisitesOf: typedQuery("curriculum/prerequisites-of", z.object({ id, otherId: id, weight: z.number() })),
  dependentsOf: typedQuery("curriculum/dependents-of", z.object({ id, otherId: id, weight: z.number() })),
  getItems: typedQuery("curriculum/get-items-by-ids", z.object({ item: ItemRow })),
  listItems: typedQuery("curriculum/list-items", z.object({ total: count, page: z.array(ItemRow) })),
  createItem: typedQuery("curriculum/create-item", z.object({ item: ItemRow })),
  updateItem: typedQuery("curriculum/update-item", z.object({ item: ItemRow })),
  deleteItem: typedQuery("curriculum/delete-item", z.object({ deleted: count })),
  linkItem: typedQuery("curriculum/link-item", z.object({ item: ItemRow })),
  unlinkItem: typedQuery("curriculum/unlink-item", z.object({ item: ItemRow, removed: count })),
  itemsOfConcepts: typedQuery("curriculum/items-of-concepts", z.object({ id, item: ItemRow, weight: z.number() })),
  conceptsOfItems: typedQuery("curriculum/concepts-of-items", z.object({ id, conceptId: id, weight: z.number() })),
  topicsOfConcepts: typedQuery("curriculum/topics-of-concepts", z.object({ id, topic: TopicRow })),
  getTopics: typedQuery("curriculum/get-topics-by-ids", z.object({ topic: TopicRow })),
  listTopics: typedQuery("curriculum/list-topics", z.object({ topic: TopicRow })),
  childrenOfTopics: typedQuery("curriculum/children-of-topics", z.object({ id, topic: TopicRow })),
  conceptsUnderTopics: typedQuery("curriculum/concepts-under-topics", z.object({ id, conceptId: id })),
  resolveItems: typedQuery("curriculum/resolve-items", z.object({ id, kind: z.enum(ItemKind), difficulty: z.number().nullable(), concepts: z.array(LinkRow) })),
  graph: typedQuery("curriculum/concept-graph-all", GraphConcepts),
  graphOf: typedQuery("curriculum/concept-graph-of", GraphConcepts),
  snapshot: typedQuery(
    "curriculum/snapshot",
    z.object({
      concepts: z.array(ConceptRow.extend({ itemCount: count })),
      prerequisites: z.array(EdgeRow),
      items: z.array(ItemRow.extend({ links: z.array(LinkRow) })),
      topics: z.array(TopicRow),
    }),
  ),
  derivedRead: typedQuery("curriculum/derived-read", z.object({ id, unlocks: count.nullable(), root: z.boolean().nullable(), prerequisiteIds: z.array(id) })),
  derivedWrite: typedQuery("curriculum/derived-write", z.object({}).passthrough()),
  derivedVersion: typedQuery("curriculum/derived-version", z.object({ version: count })),
  bumpVersion: typedQuery("curriculum/bump-version", z.object({ version: count })),
  version: typedQuery("curriculum/version", z.object({ version: count })),
  unlocksWriteIfCurrent: typedQuery("curriculum/unlocks-write-if-current", z.object({ current: z.boolean(), written: count, version: count.nullable() })),
  importTopics: typedQuery("curriculum/import-topics", z.object({ written: count })),
  importTopicParents: typedQuery("curriculum/import-topic-parents", z.object({ written: count })),
  importConcepts: typedQuery("curriculum/import-concepts", Written),
  importPrerequisites: typedQuery("curriculum/import-prerequisites", Written),
  importItems: typedQuery("curriculum/import-items", Written),
};

const Closure = z.object({ nodes: z.array(id), edges: z.array(EdgeTuple) });
const closureQuery = (name: string) => typedQuery(name, Closure);
const GRAPH = {
  PREREQUISITES: closureQuery("curriculum/concept-graph-prerequisites"),
  DEPENDENTS: closureQuery("curriculum/concept-graph-dependents"),
  BOTH: closureQuery("curriculum/concept-graph-both"),
};
export type GraphWalk = keyof typeof GRAPH;

/** conceptGraph's closures, one variant per depth, so the traversal stops where the caller asked. */
const GRAPH_BY_DEPTH = Object.fromEntries(
  (Object.keys(GRAPH) as GraphWalk[]).map((d) => [d, Array.from({ length: MAX_PATH_DEPTH }, (_, i) => retext(GRAPH[d], withDepthBound(GRAPH[d], i + 1)))]),
) as Record<GraphWalk, Array<TypedQuery<z.output<typeof Closure>>>>;

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
  /** Logits; null when the designer set none. */
  difficulty: number | null;
  url: string | null;
  attributes: string | null;
  links: Array<{ conceptId: string; weight: number }>;
}

/** An item as ingestion and prediction need it: the concepts it assesses and its designer-set difficulty. */
export interface ResolvedItem {
  id: string;
  kind: ItemKind;
  /** Designer-set difficulty, logits; null when unset. */
  difficulty: number | null;
  concepts: Array<{ conceptId: string; weight: number }>;
}

export type Snapshot = z.output<typeof Q.snapshot.row>;
export type ItemOfConcept = ItemRecord & { weight: number };
export type ImportCounts = z.output<typeof Written>;
/** A write's value with the curriculum version its transaction made. */
export interface Versioned<T> {
  value: T;
  version: number;
}

/**
 * The curriculum's writes inside one transaction. Services get one from `CurriculumRepository.write`
 * and never see the transaction itself.
 */
export class CurriculumWrites {
  constructor(private readonly tx: Tx) {}

  /** The edge removal (takes the prerequisite lock itself); 0 when there was no such edge. */
  async removePrerequisite(conceptId: string, prerequisiteId: string): Promise<number> {
    return (await first(txRows(this.tx, Q.removePrerequisite, { conceptId, prerequisiteId })))?.removed ?? 0;
  }

  /** Serialises prerequisite edits; must be the first statement of the transaction. Returns the graph's version. */
  async lockPrerequisites(): Promise<number> {
    return (await first(txRows(this.tx, Q.lock)))?.version ?? 0;
  }

  async createConcept(c: ConceptFields): Promise<ConceptRecord> {
    const row = await first(txRows(this.tx, Q.createConcept, { ...c }));
    if (!row) throw new Error("create-concept returned no row");
    return row.concept;
  }

  async updateConcept(
    id: string,
    patch: { name: string | null; description: string | null; setDescription: boolean; tags: string[] | null; topicId: string | null; setTopic: boolean },
  ): Promise<ConceptRecord | null> {
    return (await first(txRows(this.tx, Q.updateConcept, { id, ...patch })))?.concept ?? null;
  }

  async dependentIds(id: string): Promise<string[]> {
    return (await txRows(this.tx, Q.dependents, { id })).map((r) => r.id);
  }

  /** Relationships removed with it, or null when there was no such concept. */
  async deleteConcept(id: string): Promise<number | null> {
    return (await first(txRows(this.tx, Q.deleteConcept, { id })))?.detached ?? null;
  }

  async missingConcepts(ids: readonly string[]): Promise<string[]> {
    return (await txRows(this.tx, Q.conceptsExist, { ids })).filter((r) => !r.exists).map((r) => r.id);
  }

  /**
   * Adds c REQUIRES p in one statement that takes the prerequisite lock first (see
   * add-prerequisite.cypher; taking it again in a transaction that holds it is harmless). `back`
   * is the path from p to c when the edge would close a cycle; then nothing is written.
   */
  async addPrerequisite(e: PrerequisiteEdge): Promise<{ conceptExists: boolean; prerequisiteExists: boolean; back: string[] | null; weight: number | null }> {
    const row = await first(txRows(this.tx, Q.addPrerequisite, { ...e }));
    return row ?? { conceptExists: false, prerequisiteExists: false, back: null, weight: null };
  }

  async updatePrerequisite(e: PrerequisiteEdge): Promise<PrerequisiteEdge | null> {
    return first(txRows(this.tx, Q.updatePrerequisite, { ...e }));
  }

  async createItem(item: ItemFields): Promise<ItemRecord> {
    const row = await first(txRows(this.tx, Q.createItem, { ...item }));
    if (!row) throw new Error("create-item returned no row");
    return row.item;
  }

  async updateItem(id: string, patch: { kind: string | null; title: string | null; difficulty: number | null; url: string | null; setUrl: boolean }): Promise<ItemRecord | null> {
    return (await first(txRows(this.tx, Q.updateItem, { id, ...patch })))?.item ?? null;
  }

  async deleteItem(id: string): Promise<boolean> {
    return ((await first(txRows(this.tx, Q.deleteItem, { id })))?.deleted ?? 0) > 0;
  }

  async linkItem(itemId: string, conceptId: string, weight: number): Promise<ItemRecord | null> {
    return (await first(txRows(this.tx, Q.linkItem, { itemId, conceptId, weight })))?.item ?? null;
  }

  async unlinkItem(itemId: string, conceptId: string): Promise<{ item: ItemRecord; removed: number } | null> {
    return first(txRows(this.tx, Q.unlinkItem, { itemId, conceptId }));
  }

  async itemExists(itemId: string): Promise<boolean> {
    return (await txRows(this.tx, Q.getItems, { ids: [itemId] })).length > 0;
  }

  async topicExists(topicId: string): Promise<boolean> {
    return (await txRows(this.tx, Q.getTopics, { ids: [topicId] })).length > 0;
  }

  /** The whole curriculum as this transaction sees it (imports read it under the prerequisite lock). */
  async snapshot(): Promise<Snapshot> {
    return (await first(txRows(this.tx, Q.snapshot))) ?? { concepts: [], prerequisites: [], items: [], topics: [] };
  }

  /**
   * Recomputes the concepts' derived properties (`unlocks`, `root`) from the graph as this
   * transaction sees it and writes the ones that changed. Call after a structural change, in the
   * same transaction, holding the prerequisite lock. `changedAt`: the prerequisite ends of the
   * edges just added or removed (only their upstream is recounted); null recounts everything.
   * Returns how many concepts changed.
   */
  async refreshDerived(changedAt: readonly string[] | null = null): Promise<number> {
    return (await this.refreshDerivedIds(changedAt)).length;
  }

  /** As `refreshDerived`, returning the ids of the concepts that changed. */
  async refreshDerivedIds(changedAt: readonly string[] | null = null): Promise<string[]> {
    const rows = await txRows(this.tx, Q.derivedRead);
    const fresh = derivedProperties(rows.map((r) => r.id), edgesOfDerived(rows), 12, changedAt);
    const changed = rows.flatMap((r) => {
      const now = fresh.get(r.id);
      if (!now) return [];
      const unlocks = now.unlocks ?? r.unlocks ?? 0;
      return r.unlocks !== unlocks || r.root !== now.root ? [{ id: r.id, unlocks, root: now.root }] : [];
    });
    for (let i = 0; i < changed.length; i += 5000) await txRows(this.tx, Q.derivedWrite, { rows: changed.slice(i, i + 5000) });
    return changed.map((c) => c.id);
  }

  /** Bulk upserts for imports: one UNWIND statement per batch. */
  readonly bulk = {
    topics: async (rows: readonly unknown[]) => ({ created: 0, updated: 0, written: (await first(txRows(this.tx, Q.importTopics, { rows })))?.written ?? 0 }),
    topicParents: async (rows: readonly unknown[]) => ({ created: 0, updated: 0, written: (await first(txRows(this.tx, Q.importTopicParents, { rows })))?.written ?? 0 }),
    concepts: async (rows: readonly unknown[]) => (await first(txRows(this.tx, Q.importConcepts, { rows }))) ?? { created: 0, updated: 0, written: 0 },
    prerequisites: async (rows: readonly unknown[]) => (await first(txRows(this.tx, Q.importPrerequisites, { rows }))) ?? { created: 0, updated: 0, written: 0 },
    items: async (rows: readonly unknown[]) => (await first(txRows(this.tx, Q.importItems, { rows }))) ?? { created: 0, updated: 0, written: 0 },
  };
}

function edgesOfDerived(rows: ReadonlyArray<{ id: string; prerequisiteIds: readonly string[] }>): Edge[] {
  return rows.flatMap((r) => r.prerequisiteIds.map((p) => ({ conceptId: r.id, prerequisiteId: p })));
}

/** The only code that names the curriculum's .cypher files. */
export class CurriculumRepository {
  constructor(private readonly db: Database) {}

  /**
   * Runs `work` in one write transaction (retried by the driver on transient errors) whose last
   * statement bumps the curriculum's version; returns the work's value and the version it made.
   */
  write<T>(work: (w: CurriculumWrites) => Promise<T>): Promise<Versioned<T>> {
    return this.db.writeTx(async (tx) => {
      const value = await work(new CurriculumWrites(tx));
      const version = (await first(txRows(tx, Q.bumpVersion)))?.version ?? 0;
      return { value, version };
    });
  }

  /** The curriculum's version now (one indexed read): see `write`. */
  async version(): Promise<number> {
    return (await first(readRows(this.db, Q.version)))?.version ?? 0;
  }

  async conceptsByIds(ids: readonly string[]): Promise<ConceptRecord[]> {
    return (await readRows(this.db, Q.getConcepts, { ids })).map((r) => r.concept);
  }

  async listConcepts(filter: { search: string | null; tag: string | null; topicId: string | null; after: string | null; limit: number }) {
    return (await first(readRows(this.db, Q.listConcepts, filter))) ?? { total: 0, page: [] };
  }

  /**
   * Recounts `unlocks` upstream of `changedAt` outside any edit's transaction: reads the graph's
   * version, then the graph, computes, and writes only if no structural edit committed in between
   * (the write takes the prerequisite lock for its check, briefly). Returns false when an edit
   * got in first: the caller retries on the newer graph. `beforeWrite` lets a test commit an
   * edit between the read and the write. `graph`, when given, supplies the graph instead of
   * `derived-read.cypher`; it is called after the version was read and must hold every edge
   * committed before it was called (a copy fresh as of then), which is what makes the check exact.
   */
  async refreshUnlocksIfCurrent(
    changedAt: readonly string[],
    beforeWrite?: () => Promise<void>,
    graph?: () => Promise<ReadonlyArray<{ id: string; unlocks: number | null; prerequisiteIds: readonly string[] }>>,
  ): Promise<{ current: boolean; version: number | null; changed: string[] }> {
    const version = (await first(readRows(this.db, Q.derivedVersion)))?.version ?? 0;
    const rows = graph ? await graph() : await readRows(this.db, Q.derivedRead);
    const fresh = derivedProperties(rows.map((r) => r.id), edgesOfDerived(rows), 12, changedAt);
    const changed = rows.flatMap((r) => {
      const unlocks = fresh.get(r.id)?.unlocks;
      return unlocks !== null && unlocks !== undefined && unlocks !== r.unlocks ? [{ id: r.id, unlocks }] : [];
    });
    await beforeWrite?.();
    const row = await first(writeRows(this.db, Q.unlocksWriteIfCurrent, { version, rows: changed }));
    // `version`: the curriculum version the recount made when it wrote something (else null).
    const wrote = row?.current === true && row.written > 0;
    return { current: row?.current === true, version: wrote ? row.version : null, changed: wrote ? changed.map((c) => c.id) : [] };
  }

  /** Removes the edge in one statement that takes the prerequisite lock first; 0 when there was none. */
  async removePrerequisite(conceptId: string, prerequisiteId: string): Promise<Versioned<number>> {
    return this.write(async (w) => w.removePrerequisite(conceptId, prerequisiteId));
  }

  async prerequisitesOf(ids: readonly string[]): Promise<PrerequisiteEdge[][]> {
    return groupById(ids, await readRows(this.db, Q.prerequisitesOf, { ids }), (r) => ({ conceptId: r.id, prerequisiteId: r.otherId, weight: r.weight }));
  }

  async dependentsOf(ids: readonly string[]): Promise<PrerequisiteEdge[][]> {
    return groupById(ids, await readRows(this.db, Q.dependentsOf, { ids }), (r) => ({ conceptId: r.otherId, prerequisiteId: r.id, weight: r.weight }));
  }

  /** The closure's ids of the roots in one direction, `depth` levels (1-12) deep, with the edges inside it. */
  async closure(direction: GraphWalk, rootIds: readonly string[], depth: number): Promise<{ ids: string[]; edges: PrerequisiteEdge[] }> {
    const query = GRAPH_BY_DEPTH[direction][depth - 1];
    if (!query) throw new Error(`depth ${depth} is outside 1..${MAX_PATH_DEPTH}`);
    const row = await first(readRows(this.db, query, { rootIds }));
    const ids = row?.nodes ?? [];
    const inside = new Set(ids);
    const edges = (row?.edges ?? []).filter(([, p]) => inside.has(p)).map(([conceptId, prerequisiteId, weight]) => ({ conceptId, prerequisiteId, weight }));
    return { ids, edges };
  }

  /** Items in the order of `ids` (null: no such item), with their concepts and difficulty. */
  async resolveItems(ids: readonly string[]): Promise<Array<ResolvedItem | null>> {
    const found = new Map((await readRows(this.db, Q.resolveItems, { ids })).map((r) => [r.id, r]));
    return ids.map((i) => found.get(i) ?? null);
  }

  async itemsByIds(ids: readonly string[]): Promise<ItemRecord[]> {
    return (await readRows(this.db, Q.getItems, { ids })).map((r) => r.item);
  }

  async listItems(filter: { conceptId: string | null; kind: string | null; after: string | null; limit: number }) {
    return (await first(readRows(this.db, Q.listItems, filter))) ?? { total: 0, page: [] };
  }

  async itemsOfConcepts(ids: readonly string[]): Promise<ItemOfConcept[][]> {
    return groupById(ids, await readRows(this.db, Q.itemsOfConcepts, { ids }), (r) => ({ ...r.item, weight: r.weight }));
  }

  async conceptsOfItems(ids: readonly string[]): Promise<ItemConceptLink[][]> {
    return groupById(ids, await readRows(this.db, Q.conceptsOfItems, { ids }), (r) => ({ itemId: r.id, conceptId: r.conceptId, weight: r.weight }));
  }

  async topicsOfConcepts(ids: readonly string[]): Promise<Array<TopicRecord | null>> {
    return groupById(ids, await readRows(this.db, Q.topicsOfConcepts, { ids }), (r) => r.topic).map((list) => list[0] ?? null);
  }

  async topicsByIds(ids: readonly string[]): Promise<TopicRecord[]> {
    return (await readRows(this.db, Q.getTopics, { ids })).map((r) => r.topic);
  }

  async listTopics(level: string | null): Promise<TopicRecord[]> {
    return (await readRows(this.db, Q.listTopics, { level })).map((r) => r.topic);
  }

  async childrenOfTopics(ids: readonly string[]): Promise<TopicRecord[][]> {
    return groupById(ids, await readRows(this.db, Q.childrenOfTopics, { ids }), (r) => r.topic);
  }

  async conceptIdsUnderTopics(ids: readonly string[]): Promise<string[][]> {
    return groupById(ids, await readRows(this.db, Q.conceptsUnderTopics, { ids }), (r) => r.conceptId);
  }

  /** Every concept with its topic, stored derived properties and prerequisites (one read, for the per-process graph). */
  async conceptGraph(): Promise<GraphConcept[]> {
    return (await first(readRows(this.db, Q.graph)))?.concepts ?? [];
  }

  /** Those concepts' rows of the graph copy (absent: no such concept). */
  async conceptGraphOf(ids: readonly string[]): Promise<GraphConcept[]> {
    return (await first(readRows(this.db, Q.graphOf, { ids })))?.concepts ?? [];
  }

  /** The whole curriculum (one read). */
  async snapshot(): Promise<Snapshot> {
    return (await first(readRows(this.db, Q.snapshot))) ?? { concepts: [], prerequisites: [], items: [], topics: [] };
  }
}
