/**
 * A lean GraphQL-over-HTTP client for load generation: node:http with keep-alive sockets (fetch
 * costs the load process about twice the CPU per request, CPU the server needs on a small box).
 */
import http from "node:http";

export interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

export class RequestError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

export interface GqlClient {
  url: string;
  /** Posts one operation; rejects on transport errors and on any GraphQL error (its code in `RequestError.code`). */
  request(query: string, variables: Record<string, unknown>, token?: string): Promise<Record<string, unknown>>;
  close(): void;
}

/**
 * `url` is the endpoint itself, e.g. http://127.0.0.1:4555/graphql. A request without an answer
 * after `timeoutMs` (default 30 s) fails with code TIMEOUT, so a run's drain stays bounded.
 */
export function gqlClient(url: string, opts: { token?: string; maxSockets?: number; timeoutMs?: number } = {}): GqlClient {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.maxSockets ?? 128 });
  const request = (query: string, variables: Record<string, unknown>, token = opts.token) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const body = JSON.stringify({ query, variables });
      const headers: Record<string, string | number> = { "content-type": "application/json", "content-length": Buffer.byteLength(body) };
      if (token) headers.authorization = `Bearer ${token}`;
      const req = http.request({ agent, host: target.hostname, port: target.port, path: target.pathname, method: "POST", headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          let parsed: GraphQLResponse;
          try {
            parsed = JSON.parse(Buffer.concat(chunks).toString("utf8")) as GraphQLResponse;
          } catch {
            return reject(new RequestError(`HTTP_${res.statusCode}`, `HTTP ${res.statusCode}: not JSON`));
          }
          const first = parsed.errors?.[0];
          if (first) return reject(new RequestError(first.extensions?.code ?? "UNKNOWN", first.message.slice(0, 300)));
          if (!parsed.data) return reject(new RequestError(`HTTP_${res.statusCode}`, "no data"));
          resolve(parsed.data);
        });
        res.on("error", reject);
      });
      req.setTimeout(opts.timeoutMs ?? 30_000, () => req.destroy(new RequestError("TIMEOUT", `no answer within ${opts.timeoutMs ?? 30_000} ms`)));
      req.on("error", reject);
      req.end(body);
    });
  return { url, request, close: () => agent.destroy() };
}
