import { randomUUID } from "node:crypto";
import { BadUserInputError, ConflictError, NotFoundError, PrerequisiteCycleError } from "../../errors/errors.js";
import { decodeCursor, toPage } from "../common/pagination.js";
import type { ConceptGraphArgs, ConceptsArgs, CreateConceptInput, UpdateConceptInput } from "./concept.input.js";
import type { Concept, ConceptGraph, DeleteResult, PrerequisiteEdge } from "./concept.type.js";
import { READ_CACHE_TTL_MS, ReadThroughCache } from "../../common/cache.js";
import type { CurriculumRepository, CurriculumWrites, ItemOfConcept, ResolvedItem } from "./curriculum.repository.js";
import { curriculumLoaders } from "./curriculum.loaders.js";
import { staleCaches, type StaleCaches } from "./stale-caches.js";
import { CurriculumGraph } from "../../domain/curriculum/curriculum-graph.js";
import { adjacency, depthsFrom, longestChain, redundantEdges } from "../../domain/curriculum/graph-analysis.js";
import type { CreateItemInput, ItemsArgs, LinkItemArgs, UpdateItemInput } from "./item.input.js";
import type { Item } from "./item.type.js";
import type { CurriculumReport } from "./report.type.js";
import type { CurriculumChangeRecord, CurriculumEntity, CurriculumOperation } from "./curriculum-change.js";
import type { Logger } from "../../logger.js";
import { UnlocksRefresher } from "./unlocks-refresher.js";
import { CurriculumFreshness } from "./freshness.js";

/** Called after a curriculum write commits (live `curriculumChanged` subscriptions). */
export type CurriculumListener = (changes: CurriculumChangeRecord[]) => void;

/**
 * Domain logic of the curriculum graph: acyclicity, existence checks, depth filtering, reports;
 * and the process-wide caches of what changes only through curriculum edits (concepts, the items
 * of concepts, resolved items), forgotten exactly as far as each committed change requires
 * (`forget`: at once on the server that made the edit, through the fan-out on the others).
 */
export class CurriculumService {
  private readonly caches = {
    /** Concepts by id (found ones only). */
    concept: new ReadThroughCache<Concept | null>(READ_CACHE_TTL_MS),
    itemsOfConcept: new ReadThroughCache<ItemOfConcept[]>(READ_CACHE_TTL_MS),
    /** Item -> concepts and difficulty, for ingestion and prediction (found items only). */
    resolvedItem: new ReadThroughCache<ResolvedItem | null>(READ_CACHE_TTL_MS),
  };
  private readonly staleListeners: Array<(stale: StaleCaches) => void> = [];
  /**
   * The concept graph held in memory, with the generation it was loaded at. Any committed change
   * to concepts or edges bumps the generation (here at once, on other servers through the
   * fan-out): a load that started before the bump is used by its callers but not kept.
   */
  private graphGeneration = 0;
  private graphCopy: { generation: number; at: number; graph: Promise<CurriculumGraph> } | null = null;
  /** Recounts `unlocks` after edge edits, outside their transactions (see unlocks-refresher.ts). */
  readonly unlocks: UnlocksRefresher;
  /** The curriculum version applied here, and the probes that prove the copies fresh (freshness.ts). */
  private readonly freshness: CurriculumFreshness;

  constructor(
    private readonly repo: CurriculumRepository,
    private readonly onChanged: CurriculumListener = () => {},
    logger: Logger | null = null,
  ) {
    this.freshness = new CurriculumFreshness(
      () => this.repo.version(),
      () => this.forgetAll(),
    );
    this.unlocks = new UnlocksRefresher({
      tryIfCurrent: async (ids) => {
        // The graph from this process's copy, fresh as of a mark taken after the version was read
        // (so it holds every edge that version counts): no read of the whole curriculum per edit.
        const fromCopy = async () =>
          (await this.graph(this.mark())).all().map((c) => ({ id: c.id, unlocks: c.unlocks, prerequisiteIds: c.prerequisites.map((p) => p.id) }));
        const { current, version, changed } = await this.repo.refreshUnlocksIfCurrent(ids, undefined, fromCopy);
        if (version !== null) this.recounted(version, changed);
        return current;
      },
      underLock: async (ids) => {
        const { value: changed, version } = await this.repo.write(async (w) => {
          await w.lockPrerequisites();
          return w.refreshDerivedIds(ids);
        });
        // The write bumped the version even when no count changed: nothing to forget then.
        this.recounted(version, changed);
      },
      onError: (err, ids) => logger?.error({ err, concepts: ids.length }, "recount of unlocks failed; it is retried with the next edit and at start-up"),
    });
  }

  /**
   * Brings every concept's stored `unlocks` and `root` up to date (run at start-up, so a database
   * written by an older version, or edited by hand, is corrected). Returns how many changed.
   */
  async refreshDerived(): Promise<number> {
    const { value } = await this.repo.write(async (w) => {
      await w.lockPrerequisites();
      return w.refreshDerived();
    });
    if (value > 0) this.forgetAll();
    return value;
  }

  /**
   * Forgets what committed changes made stale, here and in the caches of modules that listen
   * (`whenStale`), and counts their versions as applied (see freshness.ts).
   */
  forget(changes: readonly CurriculumChangeRecord[]): void {
    this.forgetStale(staleCaches(changes));
    for (const v of new Set(changes.map((c) => c.version))) if (typeof v === "number") this.freshness.applied(v);
  }

  /**
   * A recount of `unlocks` committed (as curriculum version `version`), changing the stored counts
   * of `changed`: their records and graph rows are forgotten (the graph copy patched), nothing
   * else, and the version counts as applied here. Other servers hear of no notice for it: their
   * next version check forgets all of theirs.
   */
  private recounted(version: number, changed: readonly string[]): void {
    if (changed.length > 0) this.forgetStale({ all: false, concepts: [...changed], items: false, structure: false });
    this.freshness.applied(version);
  }

  /** Forgets every copy (a change this process cannot see the detail of). */
  private forgetAll(): void {
    this.forgetStale({ all: true, concepts: [], items: true, structure: true });
  }

  private forgetStale(stale: StaleCaches): void {
    if (stale.all || stale.items) {
      this.caches.itemsOfConcept.clear();
      this.caches.resolvedItem.clear();
    }
    if (stale.all) this.caches.concept.clear();
    else if (stale.concepts.length > 0) this.caches.concept.delete(stale.concepts);
    // Names, topics and edges are in the graph: any concept or structural change replaces it.
    if (stale.all) this.invalidateGraph();
    else if (stale.concepts.length > 0) this.patchGraph(stale.concepts);
    for (const listener of this.staleListeners) listener(stale);
  }

  /** For caches derived from the curriculum in higher modules (e.g. prerequisite closures). */
  whenStale(listener: (stale: StaleCaches) => void): void {
    this.staleListeners.push(listener);
  }

  private invalidateGraph(): void {
    this.graphGeneration++;
    this.graphCopy = null;
  }

  /**
   * After edits of some concepts' own records (name, topic, ...; not edges): the held copy with
   * only their rows read again, instead of the whole graph. The read starts after the edit
   * committed, so the patched rows are fresh; the other rows are untouched by it. Without a
   * current copy there is nothing to patch: the next caller loads one.
   */
  private patchGraph(ids: readonly string[]): void {
    const held = this.graphCopy;
    if (!held || held.generation !== this.graphGeneration) {
      this.invalidateGraph();
      return;
    }
    const generation = ++this.graphGeneration;
    const wanted = [...new Set(ids)];
    const graph = Promise.all([held.graph, this.repo.conceptGraphOf(wanted)]).then(([g, rows]) => g.withConcepts(wanted, rows));
    // The age stays the copy's: the TTL safety net still reloads it in full.
    this.graphCopy = { generation, at: held.at, graph };
    graph.then(
      () => {
        if (this.graphCopy?.graph === graph && this.graphGeneration !== generation) this.graphCopy = null;
      },
      () => {
        if (this.graphCopy?.graph === graph) this.graphCopy = null;
      },
    );
  }

  /**
   * The concept graph (names, topics, stored unlocks and root flags, weighted edges), one copy per
   * process, reloaded after any change to concepts or edges and, as a safety net for writes this
   * server cannot hear of (another server without Redis, edits by hand), after READ_CACHE_TTL_MS.
   */
  async graph(mark?: number): Promise<CurriculumGraph> {
    await this.fresh(mark);
    return this.heldGraph();
  }

  /**
   * A request's mark (taken when it begins): `fresh(mark)` and the accessors below that take one
   * resolve once the copies are at least as fresh as the curriculum was then.
   */
  mark(): number {
    return this.freshness.mark();
  }

  /** Before a read that returns the curriculum's version (e.g. recommendations' learner read). */
  beginVersionRead(): number {
    return this.freshness.begin();
  }

  /** The version that read returned: forgets every copy if a change is not applied here yet. */
  observedVersion(seq: number, version: number): void {
    this.freshness.observed(seq, version);
  }

  /** Resolves once every copy is at least as fresh as the curriculum at `mark` (default: now). */
  fresh(mark?: number): Promise<void> {
    return this.freshness.fresh(mark);
  }

  private heldGraph(): Promise<CurriculumGraph> {
    const now = Date.now();
    const held = this.graphCopy;
    if (held && held.generation === this.graphGeneration && now - held.at <= READ_CACHE_TTL_MS) return held.graph;
    const generation = this.graphGeneration;
    const graph = this.repo.conceptGraph().then((concepts) => new CurriculumGraph(concepts));
    this.graphCopy = { generation, at: now, graph };
    graph.then(
      () => {
        // A change committed while loading: the next caller loads again.
        if (this.graphCopy?.graph === graph && this.graphGeneration !== generation) this.graphCopy = null;
      },
      () => {
        if (this.graphCopy?.graph === graph) this.graphCopy = null;
      },
    );
    return graph;
  }

  /** Fresh DataLoaders for one request (begun at `mark`), reading through the process-wide caches once they are fresh. */
  loaders(mark: number = this.mark()) {
    return curriculumLoaders(this.repo, this.caches.itemsOfConcept, this.caches.concept, () => this.fresh(mark));
  }

  /** Concepts in the order of `ids` (null: no such concept), through the cache. */
  async concepts(ids: readonly string[], mark?: number): Promise<Array<Concept | null>> {
    await this.fresh(mark);
    return this.caches.concept.getMany(
      ids,
      async (missing) => {
        const found = new Map((await this.repo.conceptsByIds(missing)).map((c) => [c.id, c]));
        return missing.map((id) => found.get(id) ?? null);
      },
      (c) => c !== null,
    );
  }

  /** The items of each concept with their ASSESSES weight, in the order of `ids`, through the cache. */
  async itemsOfConcepts(ids: readonly string[], mark?: number): Promise<ItemOfConcept[][]> {
    await this.fresh(mark);
    return this.caches.itemsOfConcept.getMany(ids, (missing) => this.repo.itemsOfConcepts(missing));
  }

  /** Items with their concepts and difficulty (null: no such item), through the cache. */
  async resolveItems(ids: readonly string[], mark?: number): Promise<Array<ResolvedItem | null>> {
    await this.fresh(mark);
    return this.caches.resolvedItem.getMany(ids, (missing) => this.repo.resolveItems(missing), (item) => item !== null);
  }

  /** The concept ids under each topic (its subtopics included), in the order of `ids`. */
  conceptIdsUnderTopics(ids: readonly string[]): Promise<string[][]> {
    return this.repo.conceptIdsUnderTopics(ids);
  }

  private changed(version: number, entity: CurriculumEntity, operation: CurriculumOperation, id: string, relatedId: string | null = null, extra: CurriculumChangeRecord[] = []): void {
    this.onChanged([{ changeId: randomUUID(), entity, operation, id, relatedId, summary: null, recordedAt: Date.now(), version }, ...extra]);
  }

  async listConcepts(args: ConceptsArgs) {
    const after = decodeCursor(args.after);
    const search = args.search?.trim().toLowerCase() || null;
    const { total, page } = await this.repo.listConcepts({ search, tag: args.tag ?? null, topicId: args.topicId ?? null, after, limit: args.first + 1 });
    return toPage(page, args.first, total, after);
  }

  async listItems(args: ItemsArgs) {
    const after = decodeCursor(args.after);
    const { total, page } = await this.repo.listItems({ conceptId: args.conceptId ?? null, kind: args.kind ?? null, after, limit: args.first + 1 });
    return toPage(page, args.first, total, after);
  }

  async createConcept(input: CreateConceptInput): Promise<Concept> {
    const { value: concept, version } = await this.repo.write(async (w) => {
      await w.lockPrerequisites();
      if (input.topicId) await this.requireTopic(input.topicId);
      const concept = await w.createConcept({
        id: input.id,
        name: input.name.trim(),
        description: input.description ?? null,
        tags: input.tags,
        topicId: input.topicId ?? null,
        attributes: null,
      });
      for (const p of input.prerequisites) {
        await this.addEdge(w, { conceptId: input.id, prerequisiteId: p.conceptId, weight: p.weight });
      }
      await w.refreshDerived(input.prerequisites.map((p) => p.conceptId));
      return concept;
    });
    const at = Date.now();
    this.changed(version, "CONCEPT", "CREATED", concept.id, null, input.prerequisites.map((p) => ({ changeId: randomUUID(), entity: "PREREQUISITE", operation: "CREATED", id: concept.id, relatedId: p.conceptId, summary: null, recordedAt: at, version })));
    return concept;
  }

  async updateConcept(id: string, input: UpdateConceptInput): Promise<Concept> {
    if (input.topicId) await this.requireTopic(input.topicId);
    const { value: updated, version } = await this.repo.write((w) =>
      w.updateConcept(id, {
        name: input.name?.trim() ?? null,
        description: input.description ?? null,
        setDescription: input.description !== undefined,
        tags: input.tags ?? null,
        topicId: input.topicId ?? null,
        setTopic: input.topicId !== undefined,
      }),
    );
    if (!updated) throw new NotFoundError("Concept", id);
    this.changed(version, "CONCEPT", "UPDATED", id);
    return updated;
  }

  /**
   * Deletes a concept. Refused with CONFLICT (listing the dependents) when other concepts
   * require it, unless `detach` is set, which removes those edges with it.
   */
  async deleteConcept(id: string, detach: boolean): Promise<DeleteResult> {
    const { value: result, version } = await this.repo.write(async (w) => {
      await w.lockPrerequisites();
      const dependents = await w.dependentIds(id);
      if (dependents.length > 0 && !detach) {
        throw new ConflictError(
          `Concept '${id}' is a prerequisite of ${dependents.length} concept(s): ${dependents.slice(0, 20).join(", ")}. Pass detach: true to delete it and those edges.`,
          { dependents },
        );
      }
      const detached = await w.deleteConcept(id);
      if (detached === null) throw new NotFoundError("Concept", id);
      await w.refreshDerived();
      return { id, deleted: true, detachedRelationships: detached };
    });
    this.changed(version, "CONCEPT", "DELETED", id);
    return result;
  }

  async addPrerequisite(edge: PrerequisiteEdge): Promise<PrerequisiteEdge> {
    // One statement in its own transaction: the lock is held for one round trip.
    const { value: added, version } = await this.repo.write((w) => this.addEdge(w, edge));
    this.changed(version, "PREREQUISITE", "CREATED", edge.conceptId, edge.prerequisiteId);
    // The recount forgets the copies once it has stored changed counts (recounted).
    await this.unlocks.refresh([edge.prerequisiteId]);
    return added;
  }

  async updatePrerequisite(edge: PrerequisiteEdge): Promise<PrerequisiteEdge> {
    const { value: updated, version } = await this.repo.write((w) => w.updatePrerequisite(edge));
    if (!updated) throw new NotFoundError("Prerequisite", `${edge.conceptId}->${edge.prerequisiteId}`);
    this.changed(version, "PREREQUISITE", "UPDATED", edge.conceptId, edge.prerequisiteId);
    return updated;
  }

  async removePrerequisite(conceptId: string, prerequisiteId: string): Promise<boolean> {
    const { value: removed, version } = await this.repo.removePrerequisite(conceptId, prerequisiteId);
    if (removed === 0) throw new NotFoundError("Prerequisite", `${conceptId}->${prerequisiteId}`);
    this.changed(version, "PREREQUISITE", "DELETED", conceptId, prerequisiteId);
    await this.unlocks.refresh([prerequisiteId]);
    return true;
  }

  /**
   * Adds c REQUIRES p under the prerequisite lock (add-prerequisite.cypher takes it first), so the
   * path check sees every committed edge and no concurrent edit can slip the other half of a
   * cycle in. Throws NOT_FOUND for a missing concept, PREREQUISITE_CYCLE with the cycle's path.
   */
  private async addEdge(w: CurriculumWrites, edge: PrerequisiteEdge): Promise<PrerequisiteEdge> {
    if (edge.conceptId === edge.prerequisiteId) throw new PrerequisiteCycleError([edge.conceptId, edge.conceptId]);
    const out = await w.addPrerequisite(edge);
    if (!out.conceptExists) throw new NotFoundError("Concept", edge.conceptId);
    if (!out.prerequisiteExists) throw new NotFoundError("Concept", edge.prerequisiteId);
    if (out.back) throw new PrerequisiteCycleError([edge.conceptId, ...out.back]);
    return { ...edge, weight: out.weight ?? edge.weight };
  }


  /**
   * The subgraph around the roots from the per-process graph copy (fresh as of `mark`, see
   * freshness.ts; no traversal in Neo4j: `closureFromDatabase` is the oracle the tests compare
   * with), the depths from the roots over its edges, and the concepts from `loadConcepts` (the
   * request's loader, backed by the process-wide concept cache).
   */
  async conceptGraph(args: ConceptGraphArgs, loadConcepts: (ids: string[]) => Promise<Array<Concept | null>>, mark?: number): Promise<ConceptGraph> {
    const rootIds = [...new Set(args.rootIds)];
    const { ids, edges } = (await this.graph(mark)).neighbourhood(rootIds, args.direction, args.depth);
    const nodes = (await loadConcepts(ids)).filter((c): c is Concept => c !== null);
    const found = new Set(nodes.map((n) => n.id));
    const missing = rootIds.filter((id) => !found.has(id));
    if (missing.length > 0) throw new NotFoundError("Concept", missing);
    const roots = rootIds;
    const depth = new Map<string, number>();
    const walk = (reverse: boolean) => {
      for (const [id, d] of depthsFrom(adjacency(edges, reverse), roots, args.depth)) {
        depth.set(id, Math.min(d, depth.get(id) ?? d));
      }
    };
    if (args.direction !== "DEPENDENTS") walk(false);
    if (args.direction !== "PREREQUISITES") walk(true);
    const kept = nodes.filter((n) => depth.has(n.id)).sort((a, b) => (depth.get(a.id) ?? 0) - (depth.get(b.id) ?? 0) || a.id.localeCompare(b.id));
    return {
      nodes: kept.map((concept) => ({ concept, depth: depth.get(concept.id) ?? 0 })),
      edges: edges.filter((e) => depth.has(e.conceptId) && depth.has(e.prerequisiteId)),
    };
  }

  /** The same subgraph's ids and edges by traversal in Neo4j (`concept-graph-*.cypher`): the oracle for `conceptGraph`. */
  closureFromDatabase(direction: ConceptGraphArgs["direction"], rootIds: readonly string[], depth: number) {
    return this.repo.closure(direction, rootIds, depth);
  }

  async report(): Promise<CurriculumReport> {
    const snap = await this.repo.snapshot();
    const edges = snap.prerequisites;
    const ids = snap.concepts.map((c) => c.id);
    const touched = new Set(edges.flatMap((e) => [e.conceptId, e.prerequisiteId]));
    const chain = longestChain(ids, edges);
    return {
      conceptCount: snap.concepts.length,
      prerequisiteCount: edges.length,
      itemCount: snap.items.length,
      conceptsWithoutItems: snap.concepts.filter((c) => c.itemCount === 0).map((c) => c.id).sort(),
      itemsWithoutConcepts: snap.items.filter((i) => i.links.length === 0).map((i) => i.id).sort(),
      orphanConcepts: ids.filter((id) => !touched.has(id)).sort(),
      redundantEdges: redundantEdges(edges),
      longestChain: chain,
      longestChainLength: Math.max(0, chain.length - 1),
    };
  }

  async createItem(input: CreateItemInput): Promise<Item> {
    const { value: item, version } = await this.repo.write(async (w) => {
      const missing = await w.missingConcepts(input.assesses.map((a) => a.conceptId));
      if (missing.length > 0) {
        throw new BadUserInputError(`Unknown concept(s): ${missing.join(", ")}.`, missing.map((id) => ({ path: "input.assesses", message: `concept '${id}' does not exist` })));
      }
      return w.createItem({
        id: input.id,
        kind: input.kind,
        title: input.title.trim(),
        difficulty: input.difficulty ?? null,
        url: input.url ?? null,
        attributes: null,
        links: input.assesses.map((a) => ({ conceptId: a.conceptId, weight: a.weight })),
      });
    });
    this.changed(version, "ITEM", "CREATED", item.id);
    return item;
  }

  async updateItem(id: string, input: UpdateItemInput): Promise<Item> {
    const { value: item, version } = await this.repo.write((w) =>
      w.updateItem(id, {
        kind: input.kind ?? null,
        title: input.title?.trim() ?? null,
        difficulty: input.difficulty ?? null,
        url: input.url ?? null,
        setUrl: input.url !== undefined,
      }),
    );
    if (!item) throw new NotFoundError("Item", id);
    this.changed(version, "ITEM", "UPDATED", id);
    return item;
  }

  async deleteItem(id: string): Promise<DeleteResult> {
    const { value: deleted, version } = await this.repo.write((w) => w.deleteItem(id));
    if (!deleted) throw new NotFoundError("Item", id);
    this.changed(version, "ITEM", "DELETED", id);
    return { id, deleted: true, detachedRelationships: 0 };
  }

  async linkItem(args: LinkItemArgs): Promise<Item> {
    const { value: linked, version } = await this.repo.write(async (w) => {
      const item = await w.linkItem(args.itemId, args.conceptId, args.weight);
      if (item) return item;
      throw (await w.itemExists(args.itemId)) ? new NotFoundError("Concept", args.conceptId) : new NotFoundError("Item", args.itemId);
    });
    this.changed(version, "ITEM_LINK", "CREATED", args.itemId, args.conceptId);
    return linked;
  }

  async unlinkItem(itemId: string, conceptId: string): Promise<Item> {
    const { value: result, version } = await this.repo.write((w) => w.unlinkItem(itemId, conceptId));
    if (!result) throw new NotFoundError("Item", itemId);
    if (result.removed === 0) throw new NotFoundError("ItemConceptLink", `${itemId}->${conceptId}`);
    this.changed(version, "ITEM_LINK", "DELETED", itemId, conceptId);
    return result.item;
  }

  async listTopics(level: string | null) {
    return this.repo.listTopics(level);
  }

  private async requireTopic(topicId: string): Promise<void> {
    const [topic] = await this.repo.topicsByIds([topicId]);
    if (!topic) throw new NotFoundError("Topic", topicId);
  }
}
