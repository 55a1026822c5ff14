import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Kind, Lexer, Source, TokenKind, parse, print, type OperationDefinitionNode, type Token } from "graphql";

/**
 * Seeded, grammar-aware malformed inputs for the reliability suite (issue 21): GraphQL documents
 * mutated token by token from the real operations in test/operations, variables of wrong types
 * and sizes, CSV and JSON curriculum imports, malformed ingestion events, raw HTTP bodies and
 * WebSocket frames. The same seed gives the same inputs.
 */

/** mulberry32: small, seedable, good enough to spread cases. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  return { next, int, pick };
}
export type Rng = ReturnType<typeof rng>;

export interface Operation {
  name: string;
  text: string;
  /** Variable name -> its declared type, e.g. "Int!" */
  variables: Record<string, string>;
}

/** Every operation of test/operations, printed alone with the fragments it may use. */
export function realOperations(dir = join(process.cwd(), "test", "operations")): Operation[] {
  const ops: Operation[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".graphql")).sort()) {
    const doc = parse(readFileSync(join(dir, file), "utf8"));
    const fragments = doc.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => print(d));
    for (const def of doc.definitions) {
      if (def.kind !== Kind.OPERATION_DEFINITION) continue;
      const op = def as OperationDefinitionNode;
      const variables = Object.fromEntries((op.variableDefinitions ?? []).map((v) => [v.variable.name.value, print(v.type)]));
      ops.push({ name: op.name?.value ?? "anonymous", text: [print(op), ...fragments].join("\n"), variables });
    }
  }
  return ops;
}

function tokens(text: string): Token[] {
  const lexer = new Lexer(new Source(text));
  const out: Token[] = [];
  for (let t = lexer.advance(); t.kind !== TokenKind.EOF; t = lexer.advance()) out.push(t);
  return out;
}

const NAMES = ["id", "nope", "__typename", "__schema", "learner", "concept", "placement", "mastery", "recommendations", "me", "query", "mutation", "subscription", "fragment", "on", "null", "true"];
const PUNCT = ["{", "}", "(", ")", "[", "]", ":", "$", "@", "!", "=", "...", "|", "&"];
const LITERALS = ['"x"', "1", "-1", "2147483648", "1e400", "0.5", "true", "null", "[1, 2]", "{a: 1}", "ENUM_X", '"""block"""', '"\\u0000"', '"unterminated'];

/** One token-level mutation of a real document: the result is usually a syntax, validation or limit error. */
export function mutateDocument(r: Rng, text: string): string {
  const toks = tokens(text);
  if (toks.length === 0) return text;
  const i = r.int(toks.length);
  const t = toks[i] as Token;
  const before = text.slice(0, t.start);
  const after = text.slice(t.end);
  const span = text.slice(t.start, t.end);
  switch (r.int(12)) {
    case 0:
      return before + after; // drop a token
    case 1:
      return before + span + " " + span + after; // repeat it
    case 2:
      return before + r.pick(NAMES) + after; // another name
    case 3:
      return before + r.pick(PUNCT) + after; // another punctuator
    case 4:
      return text.slice(0, t.start); // truncate
    case 5:
      return before + r.pick(LITERALS) + after; // a literal of another type
    case 6: {
      const sel = `{ ${Array.from({ length: 40 + r.int(2000) }, (_, k) => `a${k}: ${r.pick(["__typename", "me { id }", "concept(id: \"x\") { id }"])}`).join(" ")} }`;
      return `query Bomb ${sel}`; // alias bomb
    }
    case 7: {
      const depth = 10 + r.int(3000);
      return `{ ${"concept(id: \"x\") { prerequisites { prerequisite { ".repeat(depth)}id${" } } }".repeat(depth)} }`;
    }
    case 8:
      return before + span + ` @skip(if: ${r.pick(["true", "1", '"no"', "$nope"])})`.repeat(1 + r.int(80)) + after; // directives
    case 9:
      return before + `\\u${r.int(0xffff).toString(16)}` + after; // stray escape
    case 10:
      return text + "\n" + text; // the operation twice (duplicate names)
    default:
      return before + "\u0000\ufeff" + span + after; // control and BOM characters
  }
}

/** A value of the wrong type or size for a declared variable type. */
export function badValue(r: Rng, type: string): unknown {
  const choices: unknown[] = [
    null,
    "ten",
    2 ** 31,
    -(2 ** 53),
    1.5,
    true,
    [],
    {},
    "x".repeat(1 + r.int(200_000)),
    Array.from({ length: 1 + r.int(20_000) }, (_, k) => `id${k}`),
    { nested: { deeper: { deepest: [1, { a: null }] } } },
    "not an id!",
    "",
    "2026-13-45T99:99:99Z",
    "\u0000",
    Number.NaN,
  ];
  if (type.startsWith("[")) choices.push([null], [1, 2, 3], [{}]);
  return r.pick(choices);
}

/** Variables for an operation, with one to all of them wrong or missing. */
export function badVariables(r: Rng, op: Operation): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, type] of Object.entries(op.variables)) {
    if (r.next() < 0.2) continue; // missing
    out[name] = badValue(r, type);
  }
  if (r.next() < 0.2) out[`extra${r.int(10)}`] = "unexpected";
  return out;
}

/** Raw request bodies that are not a well-formed GraphQL-over-HTTP request. */
export function badBody(r: Rng, op: Operation): string {
  const good = JSON.stringify({ query: op.text, variables: {} });
  switch (r.int(9)) {
    case 0:
      return good.slice(0, r.int(good.length)); // truncated
    case 1:
      return r.pick(["null", "[]", "true", "1", '"q"', "{}", "[{}]", ""]);
    case 2:
      return JSON.stringify({ query: r.pick([1, true, null, [], {}]) });
    case 3:
      return JSON.stringify({ query: op.text, variables: r.pick(["x", 1, [], true]) });
    case 4:
      return JSON.stringify({ query: op.text, operationName: r.pick([1, "Nope", "", null, []]) });
    case 5:
      return JSON.stringify({ query: op.text, extensions: { persistedQuery: { version: r.pick([1, 2, "1", null]), sha256Hash: r.pick(["0".repeat(64), "abc", 1, null]) } } });
    case 6:
      return `{"query": ${JSON.stringify(op.text)}, "variables": {"first": 1e400}}`;
    case 7:
      return good.replace(/"/g, r.pick(["'", "", '\\"']));
    default:
      return JSON.stringify([{ query: op.text }, { query: op.text }]); // batch (disabled)
  }
}

/** A messy concepts CSV (the import's spreadsheet format). */
export function badCsv(r: Rng, prefix: string): string {
  const rows = ["id,name,prerequisites,description,tags"];
  for (let k = 0; k < 1 + r.int(30); k++) {
    const id = r.pick([`${prefix}c${k}`, "", " ", "a b", "x".repeat(300), `${prefix}c${r.int(5)}`, "é", '"quoted']);
    const prereq = r.pick(["", `${prefix}c${r.int(30)}`, `"${prefix}c1, ${prefix}c1"`, `${prefix}c${k}`, "=0.5", `${prefix}c2=2`, `${prefix}c3=abc`]);
    rows.push([id, r.pick(["Name", "", '"unterminated', "x".repeat(r.int(5000))]), prereq, r.pick(["", "d"]), r.pick(["", '"a, b"'])].join(","));
  }
  let csv = rows.join(r.pick(["\n", "\r\n", "\r"]));
  if (r.next() < 0.3) csv = "\ufeff" + csv;
  if (r.next() < 0.2) csv = csv.slice(0, r.int(csv.length));
  return csv;
}

/** A messy JSON curriculum document. */
export function badJson(r: Rng, prefix: string): string {
  const doc: Record<string, unknown> = {
    concepts: Array.from({ length: r.int(20) }, (_, k) => r.pick([{ id: `${prefix}j${k}`, name: "N" }, { id: k }, null, "x", { id: `${prefix}j${k}` }, { id: "a b", name: 1 }])),
    prerequisites: Array.from({ length: r.int(20) }, (_, k) => r.pick([{ conceptId: `${prefix}j${k}`, prerequisiteId: `${prefix}j${r.int(20)}`, weight: r.pick([0, 1, 2, -1, "x", null]) }, {}, [], { conceptId: `${prefix}j1`, prerequisiteId: `${prefix}j1` }])),
    items: r.pick([[], null, "x", [{ id: `${prefix}i`, kind: "NOPE", difficulty: "hard" }]]),
    topics: r.pick([[], [{ id: `${prefix}t`, level: "GALAXY" }], {}]),
  };
  const text = JSON.stringify(doc);
  return r.next() < 0.3 ? text.slice(0, r.int(text.length)) : text;
}

/** Malformed ingestion events (what an NDJSON history file holds, one object a line). */
export function badEvents(r: Rng, prefix: string): unknown[] {
  return Array.from({ length: 1 + r.int(20) }, (_, k) =>
    r.pick<unknown>([
      { eventId: `${prefix}ev${k}`, learnerId: `${prefix}l`, itemId: `${prefix}nope`, correct: true, occurredAt: "2026-01-01T00:00:00Z" },
      { eventId: "bad id!", learnerId: `${prefix}l`, correct: "yes" },
      { eventId: `${prefix}ev${k}`, learnerId: `${prefix}l`, occurredAt: "yesterday" },
      { eventId: `${prefix}ev${k}`, learnerId: `${prefix}l`, itemId: `${prefix}q`, correct: true, occurredAt: "2999-01-01T00:00:00Z" },
      { eventId: `${prefix}ev${k}`, learnerId: `${prefix}l`, itemId: `${prefix}q`, correct: true, occurredAt: "2026-01-01T00:00:00Z", durationMs: -5, hintsUsed: 2 ** 31 },
      null,
      "line",
      {},
    ]),
  );
}

/** Raw WebSocket frames that break the graphql-ws protocol or carry bad operations. */
export function badFrame(r: Rng, op: Operation): string | Buffer {
  switch (r.int(8)) {
    case 0:
      return "{not json";
    case 1:
      return JSON.stringify({ type: r.pick(["nope", "", 1, null, "next", "complete", "ping"]) });
    case 2:
      return JSON.stringify({ type: "subscribe", id: r.pick(["1", 1, null, ""]), payload: { query: mutateDocument(r, op.text) } });
    case 3:
      return JSON.stringify({ type: "subscribe", id: String(r.int(1000)), payload: { query: op.text, variables: badVariables(r, op) } });
    case 4:
      return JSON.stringify({ type: "subscribe", id: "x", payload: r.pick([null, "q", { query: 1 }, {}]) });
    case 5:
      return Buffer.from([0xff, 0xfe, 0x00, r.int(256)]);
    case 6:
      return JSON.stringify({ type: "connection_init", payload: r.pick([null, "x", { authorization: "Bearer nope" }]) });
    default:
      return "x".repeat(1 + r.int(2_000_000)); // over maxPayload sometimes
  }
}
