import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import type { TestServer } from "./server.js";

/** A real graphql-ws client on the test server's /graphql path. */
export function wsClient(s: TestServer, token: string): Client {
  return createClient({ url: s.url.replace(/^http/, "ws"), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true, connectionParams: { authorization: `Bearer ${token}` } });
}

export const until = async (cond: () => boolean, ms = 10_000): Promise<boolean> => {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
  return cond();
};

export const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

/**
 * Subscribes and collects every `next` payload's data. graphql-ws sends no "subscribed"
 * acknowledgement, so `ready` waits until the server-side stream (`size`) has one more subscriber.
 */
export function collect<T, V extends Record<string, unknown>>(c: Client, doc: TypedDocumentNode<T, V>, variables: V, size: () => number) {
  const got: T[] = [];
  const errors: unknown[] = [];
  const before = size();
  let completed = false;
  const stop = c.subscribe<T>({ query: print(doc), variables }, {
    next: (v) => {
      if (v.data) got.push(v.data as T);
      if (v.errors) errors.push(...v.errors);
    },
    error: (e) => errors.push(e),
    complete: () => (completed = true),
  });
  const ready = until(() => size() > before || errors.length > 0);
  return { got, errors, stop, ready, completed: () => completed };
}
