/**
 * Pure functions over the prerequisite graph. An edge `{conceptId, prerequisiteId}` means
 * conceptId REQUIRES prerequisiteId. Used by the import validator, the curriculum report and
 * the concept-graph depth filter; unit-tested on hand-built graphs.
 */
export interface Edge {
  conceptId: string;
  prerequisiteId: string;
}

export type Adjacency = Map<string, string[]>;

/** conceptId -> its prerequisites (or, with `reverse`, prerequisiteId -> its dependents). */
export function adjacency(edges: readonly Edge[], reverse = false): Adjacency {
  const adj: Adjacency = new Map();
  for (const e of edges) {
    const [from, to] = reverse ? [e.prerequisiteId, e.conceptId] : [e.conceptId, e.prerequisiteId];
    const list = adj.get(from);
    if (list) list.push(to);
    else adj.set(from, [to]);
  }
  return adj;
}

/**
 * A path from `from` to `to` along the adjacency (breadth-first, so the shortest), or null.
 * Adding the edge to->from closes a cycle exactly when such a path exists.
 */
export function findPath(adj: Adjacency, from: string, to: string): string[] | null {
  if (from === to) return [from];
  const parent = new Map<string, string>([[from, from]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] as string;
    for (const next of adj.get(node) ?? []) {
      if (parent.has(next)) continue;
      parent.set(next, node);
      if (next === to) {
        const path = [to];
        let cur = to;
        while (cur !== from) {
          cur = parent.get(cur) as string;
          path.push(cur);
        }
        return path.reverse();
      }
      queue.push(next);
    }
  }
  return null;
}

/**
 * The cycle that edge c -> p would close, as concept ids starting and ending at c
 * (c -> p -> ... -> c), or null when the edge keeps the graph acyclic. A self-loop gives [c, c].
 */
export function cycleIfAdded(adj: Adjacency, conceptId: string, prerequisiteId: string): string[] | null {
  if (conceptId === prerequisiteId) return [conceptId, conceptId];
  const back = findPath(adj, prerequisiteId, conceptId);
  return back ? [conceptId, ...back] : null;
}

/** Minimum number of edges from any root to each reachable node, up to `maxDepth`. Roots have depth 0. */
export function depthsFrom(adj: Adjacency, roots: readonly string[], maxDepth: number): Map<string, number> {
  const depth = new Map<string, number>(roots.map((r) => [r, 0]));
  let frontier = [...depth.keys()];
  for (let d = 1; d <= maxDepth && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const n of adj.get(node) ?? []) {
        if (depth.has(n)) continue;
        depth.set(n, d);
        next.push(n);
      }
    }
    frontier = next;
  }
  return depth;
}

/**
 * Topological order of `nodes` where every prerequisite comes before the concepts that need it
 * (Kahn's algorithm, ties broken by id for a stable answer). Returns null when there is a cycle.
 */
export function prerequisiteOrder(nodes: readonly string[], edges: readonly Edge[]): string[] | null {
  const inside = new Set(nodes);
  const remaining = new Map<string, number>(nodes.map((n) => [n, 0]));
  const dependents = new Map<string, string[]>();
  for (const e of edges) {
    if (!inside.has(e.conceptId) || !inside.has(e.prerequisiteId)) continue;
    remaining.set(e.conceptId, (remaining.get(e.conceptId) ?? 0) + 1);
    const list = dependents.get(e.prerequisiteId);
    if (list) list.push(e.conceptId);
    else dependents.set(e.prerequisiteId, [e.conceptId]);
  }
  const ready = [...remaining].filter(([, n]) => n === 0).map(([id]) => id).sort();
  const order: string[] = [];
  while (ready.length > 0) {
    const id = ready.shift() as string;
    order.push(id);
    const released: string[] = [];
    for (const d of dependents.get(id) ?? []) {
      const left = (remaining.get(d) ?? 0) - 1;
      remaining.set(d, left);
      if (left === 0) released.push(d);
    }
    if (released.length > 0) {
      ready.push(...released);
      ready.sort();
    }
  }
  return order.length === inside.size ? order : null;
}

/**
 * The longest prerequisite chain (most edges), listed from the most advanced concept down to
 * its deepest prerequisite. Empty when there are no edges. Assumes an acyclic graph.
 */
export function longestChain(nodes: readonly string[], edges: readonly Edge[]): string[] {
  const order = prerequisiteOrder(nodes, edges);
  if (!order || edges.length === 0) return [];
  const prereqs = adjacency(edges);
  // best[c] = longest chain starting at c going down to prerequisites; prerequisites come first in `order`.
  const best = new Map<string, { length: number; next: string | null }>();
  for (const id of order) {
    let entry = { length: 0, next: null as string | null };
    for (const p of prereqs.get(id) ?? []) {
      const cand = (best.get(p)?.length ?? 0) + 1;
      if (cand > entry.length || (cand === entry.length && entry.next !== null && p < entry.next)) {
        entry = { length: cand, next: p };
      }
    }
    best.set(id, entry);
  }
  let start: string | null = null;
  for (const id of order) {
    const len = best.get(id)?.length ?? 0;
    if (start === null || len > (best.get(start)?.length ?? 0)) start = id;
  }
  const chain: string[] = [];
  for (let cur = start; cur !== null; cur = best.get(cur)?.next ?? null) chain.push(cur);
  return chain.length > 1 ? chain : [];
}

/**
 * Edges implied by transitivity: c -> p is redundant when c reaches p through another prerequisite.
 * Each comes with the longer path that makes it redundant.
 */
export function redundantEdges(edges: readonly Edge[]): Array<Edge & { via: string[] }> {
  const adj = adjacency(edges);
  const out: Array<Edge & { via: string[] }> = [];
  for (const e of edges) {
    for (const mid of adj.get(e.conceptId) ?? []) {
      if (mid === e.prerequisiteId) continue;
      const rest = findPath(adj, mid, e.prerequisiteId);
      if (rest) {
        out.push({ ...e, via: [e.conceptId, ...rest] });
        break;
      }
    }
  }
  return out.sort((a, b) => a.conceptId.localeCompare(b.conceptId) || a.prerequisiteId.localeCompare(b.prerequisiteId));
}

/**
 * For every concept: how many distinct concepts lie downstream of it (its dependents, theirs,
 * ... up to `maxDepth` levels), and whether it has no prerequisite. Stored on the concepts so the
 * frontier traversal reads them instead of expanding every candidate's downstream per request.
 * With `changedAt` (the prerequisites of edges just added or removed), only the concepts whose
 * downstream can have changed get a count: those ids and their own prerequisites, transitively.
 */
export function derivedProperties(
  ids: readonly string[],
  edges: readonly Edge[],
  maxDepth = 12,
  changedAt: readonly string[] | null = null,
): Map<string, { unlocks: number | null; root: boolean }> {
  const dependents = adjacency(edges, true);
  const hasPrerequisite = new Set(edges.map((e) => e.conceptId));
  const affected = changedAt === null ? null : new Set(depthsFrom(adjacency(edges), changedAt, maxDepth).keys());
  return new Map(
    ids.map((id) => [id, { unlocks: affected === null || affected.has(id) ? depthsFrom(dependents, [id], maxDepth).size - 1 : null, root: !hasPrerequisite.has(id) }]),
  );
}
