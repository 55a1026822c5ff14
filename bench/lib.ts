/**
 * The single-file bench's helpers, kept for code written against them: new code imports
 * stats.ts (summarise, runFor) and processes.ts (startServer, whose url is the /graphql endpoint).
 */
import { startServer as start } from "./processes.js";

export { runFor, summarise } from "./stats.js";

/** As processes.startServer, but `url` is the server's base URL (http://127.0.0.1:PORT). */
export async function startServer(port: number, env: Record<string, string> = {}) {
  const server = await start(port, env);
  return { ...server, url: server.url.replace(/\/graphql$/, "") };
}
