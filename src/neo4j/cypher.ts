import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** cypher/ at the repository root, from src/neo4j or dist/neo4j alike. */
export const CYPHER_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "cypher");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : name.endsWith(".cypher") ? [full] : [];
  });
}

/**
 * The text sent to Neo4j: without whole-line `//` comments and blank lines. The files are
 * written to be read (the frontier query is 40% comments), but every request sends its text
 * over Bolt. Comments after code on a line are kept: `//` may sit inside a string there.
 */
export function sendable(text: string): string {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.trimStart().startsWith("//"))
    .join("\n")
    .trim();
}

/** Folders of cypher/ the server never loads: the tests' and the benchmark's own queries. */
export const OFFLINE_FOLDERS = ["test", "bench"] as const;

let cache: Map<string, string> | undefined;

/**
 * Every query file the server may run, keyed by its path under cypher/ without the extension
 * ("curriculum/get-concepts"). The tests' and the benchmark's folders are not among them.
 */
export function allQueries(): Map<string, string> {
  if (!cache) {
    cache = new Map(
      walk(CYPHER_DIR)
        .map((file) => [relative(CYPHER_DIR, file).split(sep).join("/").replace(/\.cypher$/, ""), file] as const)
        .filter(([name]) => !OFFLINE_FOLDERS.some((f) => name.startsWith(`${f}/`)))
        .map(([name, file]) => [name, sendable(readFileSync(file, "utf8"))]),
    );
  }
  return cache;
}

/** A query by name. Repositories call this at module load, so a missing file fails at start-up. */
export function cypher(name: string): CypherQuery {
  const text = allQueries().get(name);
  if (text === undefined) throw new Error(`cypher/${name}.cypher does not exist (or is not a server query)`);
  return { name, text };
}

/** A query of the tests' or the benchmark's own folder, read from disk when asked (never by the server). */
export function offlineCypher(name: string): CypherQuery {
  if (!OFFLINE_FOLDERS.some((f) => name.startsWith(`${f}/`))) throw new Error(`'${name}' is a server query: use cypher()`);
  return { name, text: sendable(readFileSync(join(CYPHER_DIR, `${name}.cypher`), "utf8")) };
}

/** Every query file, the tests' and the benchmark's included (for the query-plan test). */
export function everyQueryFile(): Map<string, string> {
  return new Map(walk(CYPHER_DIR).map((file) => [relative(CYPHER_DIR, file).split(sep).join("/").replace(/\.cypher$/, ""), sendable(readFileSync(file, "utf8"))]));
}

export interface CypherQuery {
  readonly name: string;
  readonly text: string;
}

/** The deepest variable-length expansion any query may ask for. */
export const MAX_PATH_DEPTH = 12;

/**
 * A query whose variable-length patterns are written `*1..12`, with that upper bound lowered to
 * `depth`. Cypher cannot take a path bound as a parameter, so this is the one place a number is
 * written into query text: an integer in 1..12, checked here, never user text.
 */
export function withDepthBound(query: CypherQuery, depth: number): CypherQuery {
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_PATH_DEPTH) throw new Error(`path depth must be an integer in 1..${MAX_PATH_DEPTH}, got ${depth}`);
  if (!query.text.includes(`*1..${MAX_PATH_DEPTH}]`)) throw new Error(`cypher/${query.name}.cypher has no *1..${MAX_PATH_DEPTH} pattern`);
  return { name: `${query.name}@${depth}`, text: query.text.split(`*1..${MAX_PATH_DEPTH}]`).join(`*1..${depth}]`) };
}
