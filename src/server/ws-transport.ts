import type { IncomingMessage } from "node:http";
import { CloseCode, handleProtocols, makeServer, type ServerOptions } from "graphql-ws";
import type { WebSocket, WebSocketServer } from "ws";
import type { Logger } from "../logger.js";

/** Bytes a connection may have waiting in its send buffer before further `next` messages to it are dropped. */
export const MAX_BUFFERED_BYTES = 1024 * 1024;
/** Keep-alive ping interval; a client that does not answer within the next interval is terminated. */
export const KEEP_ALIVE_MS = 12_000;

const RAW = Symbol("raw JSON payload");
const PLACEHOLDER = "\u0000frontier-raw-payload\u0000";
const QUOTED_PLACEHOLDER = JSON.stringify(PLACEHOLDER);

/** A `next` payload that is already JSON: spliced into the message instead of being stringified again. */
export function rawPayload(json: string): Record<string, never> {
  return { [RAW]: json } as unknown as Record<string, never>;
}

export interface TransportStats {
  dropped: number;
  sent: number;
}

/**
 * graphql-ws over `ws` (what graphql-ws's own `useServer` does), plus two things it lacks:
 * - a raw payload (see `rawPayload`) is written into each socket's message as is, so a payload
 *   shared by many subscribers is serialised once, not once per socket;
 * - a bounded send buffer: when a slow or stuck client has more than MAX_BUFFERED_BYTES queued,
 *   further `next` messages to it are dropped (counted), so it never holds server memory or
 *   delays others; the client recovers with the catch-up query (`masteryChangesSince`).
 * Keep-alive pings terminate dead connections.
 */
export function serveGraphqlWs<E extends Record<PropertyKey, unknown>>(
  options: ServerOptions<Record<string, unknown> | undefined, E & { socket: WebSocket; request: IncomingMessage }>,
  wss: WebSocketServer,
  logger: Logger,
  stats: TransportStats,
) {
  let pending: string | null = null;
  const server = makeServer({
    ...options,
    jsonMessageReplacer: (key, value: unknown) => {
      if (key === "payload" && typeof value === "object" && value !== null && RAW in value) {
        pending = (value as { [RAW]: string })[RAW];
        return PLACEHOLDER;
      }
      return value;
    },
  });
  wss.options.handleProtocols = handleProtocols;
  wss.on("connection", (socket: WebSocket, request: IncomingMessage) => {
    socket.once("error", (err) => {
      logger.warn({ err: err.message }, "websocket error");
      socket.close(CloseCode.InternalServerError, "Internal server error");
    });
    let alive = true;
    socket.on("pong", () => (alive = true));
    const ping = setInterval(() => {
      if (!alive) return socket.terminate();
      alive = false;
      if (socket.readyState === socket.OPEN) socket.ping();
    }, KEEP_ALIVE_MS);
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (message: string) => {
          // `pending` was set by the replacer while this very message was stringified (synchronously).
          let data = message;
          if (pending !== null) {
            data = message.replace(QUOTED_PLACEHOLDER, pending);
            pending = null;
          }
          if (socket.readyState !== socket.OPEN) return;
          if (socket.bufferedAmount > MAX_BUFFERED_BYTES && data.startsWith('{"id"') && data.includes('"type":"next"')) {
            stats.dropped++;
            return;
          }
          stats.sent++;
          return new Promise<void>((resolve) => socket.send(data, () => resolve()));
        },
        close: (code, reason) => socket.close(code, reason),
        onMessage: (cb) =>
          socket.on("message", (event) => {
            cb(String(event)).catch((err: unknown) => {
              logger.error({ err }, "websocket message handling failed");
              socket.close(CloseCode.InternalServerError, "Internal server error");
            });
          }),
      },
      { socket, request } as E & { socket: WebSocket; request: IncomingMessage },
    );
    socket.once("close", (code, reason) => {
      clearInterval(ping);
      void closed(code, String(reason));
    });
  });
}
