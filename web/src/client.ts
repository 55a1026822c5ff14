import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { SetContextLink } from "@apollo/client/link/context";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { getMainDefinition } from "@apollo/client/utilities";
import { createClient, type Client } from "graphql-ws";
import { Kind, OperationTypeNode } from "graphql";
import { frontierTypePolicies } from "./type-policies";

export type ConnectionState = "connecting" | "connected" | "reconnecting" | "closed";

type Listener = (state: ConnectionState) => void;

/** The connection's state, for the badge, and a hook for "just (re)connected: catch up". */
export class Connection {
  state: ConnectionState = "connecting";
  /** Increases on every successful (re)connect. */
  generation = 0;
  private readonly listeners = new Set<Listener>();
  set(state: ConnectionState): void {
    if (state === "connected") this.generation += 1;
    this.state = state;
    for (const l of this.listeners) l(state);
  }
  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}

export interface Frontier {
  apollo: ApolloClient;
  ws: Client;
  connection: Connection;
  dispose(): void;
}

/** One Apollo Client: queries and mutations over HTTP, subscriptions over graphql-ws, both at /graphql. */
export function createFrontierClient(token: string, origin: string = window.location.origin): Frontier {
  const connection = new Connection();
  const wsUrl = `${origin.replace(/^http/, "ws")}/graphql`;
  let everConnected = false;
  const ws = createClient({
    url: wsUrl,
    lazy: false,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    // 0.5 s, 1 s, 2 s, then every 3 s (with jitter): a restarted server is found within seconds.
    retryWait: async (retries) => {
      const ms = Math.min(3000, 500 * 2 ** retries) * (0.8 + Math.random() * 0.4);
      await new Promise((resolve) => setTimeout(resolve, ms));
    },
    on: {
      connecting: () => connection.set(everConnected ? "reconnecting" : "connecting"),
      connected: () => {
        everConnected = true;
        connection.set("connected");
      },
      closed: () => connection.set(everConnected ? "reconnecting" : "closed"),
    },
  });
  const auth = new SetContextLink((prev) => ({ headers: { ...(prev.headers as Record<string, string> | undefined), authorization: `Bearer ${token}` } }));
  // The operation's name in the URL: readable in the network panel and in timings (the server reads the body).
  const http = new HttpLink({ uri: (operation) => `${origin}/graphql?op=${encodeURIComponent(operation.operationName ?? "")}` });
  const link = ApolloLink.split(
    ({ query }) => {
      const def = getMainDefinition(query);
      return def.kind === Kind.OPERATION_DEFINITION && def.operation === OperationTypeNode.SUBSCRIPTION;
    },
    new GraphQLWsLink(ws),
    auth.concat(http),
  );
  const apollo = new ApolloClient({
    link,
    cache: new InMemoryCache({ typePolicies: frontierTypePolicies }),
    defaultOptions: { watchQuery: { fetchPolicy: "cache-and-network" } },
  });
  return {
    apollo,
    ws,
    connection,
    dispose() {
      void ws.dispose();
      apollo.stop();
      void apollo.clearStore();
    },
  };
}

/** The code and text of a GraphQL error, for messages a person can act on. */
export function errorInfo(err: unknown): { code: string; message: string; extensions: Record<string, unknown> } {
  const e = err as { errors?: { message: string; extensions?: Record<string, unknown> }[]; graphQLErrors?: { message: string; extensions?: Record<string, unknown> }[]; message?: string };
  const first = e?.errors?.[0] ?? e?.graphQLErrors?.[0];
  if (first) return { code: String(first.extensions?.code ?? "ERROR"), message: first.message, extensions: first.extensions ?? {} };
  return { code: "NETWORK_ERROR", message: e?.message ?? String(err), extensions: {} };
}
