/** The machine a run measured: Node, CPU, memory, and Neo4j's version, heap and page cache as the server reports them. */
import os from "node:os";
import { neo4jInfo, type BenchDb, type Neo4jInfo } from "./db.js";

export interface Machine {
  node: string;
  platform: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  /** 1-minute load average when the run started (other work on the machine skews timings). */
  loadAverage: number;
  neo4j: Neo4jInfo;
  /** What scripts/db.mjs was asked for (FRONTIER_NEO4J_HEAP / _PAGECACHE), for a local server. */
  neo4jHeap: string;
  neo4jPageCache: string;
}

export async function machine(db: BenchDb): Promise<Machine> {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
    neo4j: await neo4jInfo(db),
    neo4jHeap: process.env.FRONTIER_NEO4J_HEAP ?? "2g",
    neo4jPageCache: process.env.FRONTIER_NEO4J_PAGECACHE ?? "2g",
  };
}
