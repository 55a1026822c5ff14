/**
 * The well-behaved subscribers of the slow-reader scenario, in their own process (forked by
 * slow-reader.ts) so that the harness's own work does not delay their reading. Opens one
 * graphql-ws connection per subscriber, subscribes each to masteryChanged(learnerId), and records
 * receive time minus the server's `recordedAt` (stamped right after the commit, same machine
 * clock) while measuring.
 *
 * IPC: {type: "start", url, token, learners: string[], sockets} -> {type: "connected"};
 * {type: "measure"} starts a window; {type: "report"} -> {type: "report", latencies, received,
 * errors, closed}; {type: "stop"} closes everything and exits.
 */
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

const SUB = "subscription($l: ID) { masteryChanged(learnerId: $l) { seq learnerId conceptId after recordedAt } }";
let latencies: number[] = [];
let received = 0;
let errors = 0;
let closed = 0;
let measuring = false;
const clients: Client[] = [];

process.on("message", (raw: unknown) => {
  const m = raw as { type: string; url?: string; token?: string; learners?: string[]; sockets?: number };
  if (m.type === "start") {
    const learners = m.learners as string[];
    let open = 0;
    for (let i = 0; i < (m.sockets as number); i++) {
      const c = createClient({
        url: m.url as string,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: false,
        connectionParams: { authorization: `Bearer ${m.token as string}` },
        on: {
          connected: () => {
            if (++open === m.sockets) process.send?.({ type: "connected" });
          },
          closed: () => void closed++,
        },
      });
      clients.push(c);
      c.subscribe<{ masteryChanged: { recordedAt: string | null } }>(
        { query: SUB, variables: { l: learners[i % learners.length] } },
        {
          next: (v) => {
            const at = v.data?.masteryChanged.recordedAt;
            if (!at) return void errors++;
            received++;
            if (measuring) latencies.push(Date.now() - Date.parse(at));
          },
          error: () => void errors++,
          complete: () => {},
        },
      );
    }
  } else if (m.type === "measure") {
    latencies = [];
    received = 0;
    measuring = true;
  } else if (m.type === "report") {
    measuring = false;
    process.send?.({ type: "report", latencies, received, errors, closed });
  } else if (m.type === "stop") {
    void Promise.all(clients.map((c) => c.dispose())).then(() => process.exit(0));
  }
});
