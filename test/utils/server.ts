import { print } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { startFrontier, type Frontier } from "../../src/app.js";
import { Role } from "../../src/auth/roles.js";
import { signToken } from "../../src/auth/tokens.js";
import { loadConfig, type Config } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { offlineCypher } from "../../src/neo4j/cypher.js";
import type { Row } from "../../src/neo4j/run.js";

export interface GqlResponse<T> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> & { code?: string } }>;
}

/**
 * A real Frontier on a random port against the real Neo4j, with helpers to call it over HTTP
 * the way a client does, to mint tokens, and to look at the database directly.
 */
export interface TestServer {
  config: Config;
  frontier: Frontier;
  url: string;
  gql<T, V extends Record<string, unknown>>(doc: TypedDocumentNode<T, V> | string, variables?: V, token?: string | null): Promise<GqlResponse<T>>;
  token(role: Role | Role[], sub: string, expiresIn?: string | number): Promise<string>;
  designer: string;
  admin: string;
  query(name: string, params?: Record<string, unknown>): Promise<Row[]>;
  cleanup(prefix: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const config = loadConfig({ ...process.env, PORT: "0", HOST: "127.0.0.1", ...env });
  const logger = createLogger(env.LOG_LEVEL ?? process.env.LOG_LEVEL ?? "silent");
  const frontier = await startFrontier(config, logger);
  const url = `${frontier.url}/graphql`;
  const token = (role: Role | Role[], sub: string, expiresIn: string | number = "1h") =>
    signToken(config, { sub, roles: Array.isArray(role) ? role : [role], expiresIn });
  const server: TestServer = {
    config,
    frontier,
    url,
    async gql(doc, variables, tok) {
      const res = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/graphql-response+json, application/json",
          ...(tok ? { authorization: `Bearer ${tok}` } : {}),
        },
        body: JSON.stringify({ query: typeof doc === "string" ? doc : print(doc), variables }),
      });
      const body = (await res.json()) as Omit<GqlResponse<never>, "status">;
      return { status: res.status, ...body } as GqlResponse<never>;
    },
    token,
    designer: config.JWT_SECRET ? await token(Role.DESIGNER, "designer-test") : "",
    admin: config.JWT_SECRET ? await token(Role.ADMIN, "admin-test") : "",
    query: (name, params = {}) => frontier.infra.db.write(offlineCypher(name), params),
    cleanup: async (prefix) => {
      await frontier.infra.db.write(offlineCypher("test/delete-by-prefix"), { prefix });
    },
    stop: () => frontier.stop(),
  };
  return server;
}

export interface DbState {
  concepts: number;
  prerequisites: number;
  edges: Array<[string, string, number]>;
  items: number;
  links: number;
}

/** What the database holds under an id prefix, read directly with Cypher (not through the API). */
export async function dbState(s: TestServer, prefix: string): Promise<DbState> {
  const [row] = await s.query("test/count-by-prefix", { prefix });
  return row as unknown as DbState;
}

/** The codes of a response's errors, for compact assertions. */
export const codes = (r: GqlResponse<unknown>): string[] => (r.errors ?? []).map((e) => String(e.extensions?.code));
