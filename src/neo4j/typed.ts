import type { z } from "zod";
import { cypher, type CypherQuery } from "./cypher.js";
import type { Database, Params, Row, Tx } from "./run.js";

/**
 * A named query with the shape of its rows. Repositories declare one per .cypher file and read
 * through it, so every row is checked and typed once, at the database boundary: no service ever
 * reads `row[3]` or casts a `Record<string, unknown>`.
 */
export interface TypedQuery<T> extends CypherQuery {
  readonly row: z.ZodType<T>;
}

/** Thrown when Neo4j answers rows of another shape than the query declares: a bug, masked for clients and logged in full. */
export class RowShapeError extends Error {
  constructor(
    readonly query: string,
    readonly issues: string,
  ) {
    super(`cypher/${query}.cypher returned a row of an unexpected shape: ${issues}`);
    this.name = "RowShapeError";
  }
}

export function typedQuery<T>(name: string, row: z.ZodType<T>): TypedQuery<T> {
  return { ...cypher(name), row };
}

/** The query with its text changed (e.g. a depth bound written in), same row shape. */
export function retext<T>(query: TypedQuery<T>, changed: CypherQuery): TypedQuery<T> {
  return { ...changed, row: query.row };
}

export function decodeRows<T>(query: TypedQuery<T>, rows: readonly Row[]): T[] {
  return rows.map((r) => {
    const parsed = query.row.safeParse(r);
    if (!parsed.success) throw new RowShapeError(query.name, parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
    return parsed.data;
  });
}

/** One auto-commit read, rows decoded. */
export async function readRows<T>(db: Database, query: TypedQuery<T>, params: Params = {}): Promise<T[]> {
  return decodeRows(query, await db.read(query, params));
}

/** One write in its own transaction, rows decoded. */
export async function writeRows<T>(db: Database, query: TypedQuery<T>, params: Params = {}): Promise<T[]> {
  return decodeRows(query, await db.write(query, params));
}

/** One statement inside the caller's transaction, rows decoded. */
export async function txRows<T>(tx: Tx, query: TypedQuery<T>, params: Params = {}): Promise<T[]> {
  return decodeRows(query, await tx.run(query, params));
}

/** The first row (decoded) or null. */
export async function first<T>(rows: Promise<T[]>): Promise<T | null> {
  return (await rows)[0] ?? null;
}

/**
 * Rows of a batch query (`UNWIND $ids AS id ... RETURN id, ...`) grouped by id in the order of
 * `ids`: the DataLoader contract.
 */
export function groupById<R extends { id: string }, T>(ids: readonly string[], rows: readonly R[], pick: (r: R) => T): T[][] {
  const map = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const r of rows) map.get(r.id)?.push(pick(r));
  return ids.map((id) => map.get(id) ?? []);
}
