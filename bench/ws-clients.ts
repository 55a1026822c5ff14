/**
 * The dashboards of the subscriptionDelivery scenario, in their own process (forked by
 * bench/subscription-delivery.ts): opens one graphql-ws connection per dashboard, subscribes to
 * masteryChanged(classId), and for every change received records receive time minus the server's
 * `recordedAt` (stamped right after the commit, on the same machine's clock): publish-to-receive.
 *
 * Protocol (IPC): parent sends {type: "start", url, dashboards: [{token, classId}]}; child answers
 * {type: "connected"} once every socket is open, then on {type: "report"} sends
 * {type: "report", latencies, received, errors} and on {type: "stop"} closes everything and exits.
 */
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

interface Start {
  type: "start";
  url: string;
  dashboards: Array<{ token: string; classId: string }>;
}

const SUB = "subscription($k: ID) { masteryChanged(classId: $k) { seq learnerId conceptId after recordedAt } }";
const latencies: number[] = [];
let received = 0;
let errors = 0;
let measuring = false;
const clients: Client[] = [];

const send = (m: unknown) => process.send?.(m);

process.on("message", async (raw: unknown) => {
  const m = raw as { type: string };
  if (m.type === "start") {
    const { url, dashboards } = m as Start;
    let open = 0;
    await new Promise<void>((resolve) => {
      for (const d of dashboards) {
        const c = createClient({
          url,
          webSocketImpl: WebSocket,
          retryAttempts: 0,
          lazy: false,
          connectionParams: { authorization: `Bearer ${d.token}` },
          on: { connected: () => ++open === dashboards.length && resolve() },
        });
        clients.push(c);
        c.subscribe<{ masteryChanged: { recordedAt: string } }>(
          { query: SUB, variables: { k: d.classId } },
          {
            next: (v) => {
              const at = v.data?.masteryChanged.recordedAt;
              if (!at) return void errors++;
              received++;
              if (measuring) latencies.push(Date.now() - Date.parse(at));
            },
            error: () => errors++,
            complete: () => {},
          },
        );
      }
    });
    send({ type: "connected" });
  } else if (m.type === "measure") {
    measuring = true;
    latencies.length = 0;
  } else if (m.type === "report") {
    measuring = false;
    send({ type: "report", latencies, received, errors });
  } else if (m.type === "stop") {
    await Promise.all(clients.map((c) => c.dispose()));
    process.exit(0);
  }
});
