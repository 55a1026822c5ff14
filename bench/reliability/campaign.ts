import WebSocket from "ws";
import { ERROR_CODES } from "../../src/errors/codes.js";
import { badBody, badCsv, badEvents, badFrame, badJson, badVariables, mutateDocument, realOperations, rng, type Operation } from "./fuzz.js";

/** What a client must never see: a stack frame, a file path, a driver message, an HTML page. */
export const LEAK = /node_modules|\/work\/|\/home\/|\.ts:\d|\.js:\d|\bat [\w.<>]+ \(|Neo4jError|<html|<!DOCTYPE/i;

export interface FuzzReport {
  seed: number;
  inputs: number;
  byKind: Record<string, number>;
  codes: Record<string, number>;
  statuses: Record<string, number>;
  wsCloseCodes: Record<string, number>;
  /** Answers to a client's mistake with status >= 500. */
  serverErrors: number;
  /** JSON answers with an error lacking a documented extensions.code, or bodies that are not JSON. */
  uncoded: number;
  leaks: number;
  internal: number;
  /** /healthz checks between batches that did not answer 200. */
  healthFailures: number;
  examples: string[];
}

const bump = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);

/**
 * Sends `n` generated malformed inputs to a running server (8 at a time) and checks every
 * answer: no 5xx, every error coded from docs/errors.md, nothing leaked, and /healthz answering
 * after every batch of 250.
 */
export async function fuzz(base: string, tokens: { admin: string; designer: string }, n: number, seed: number, prefix: string): Promise<FuzzReport> {
  const r = rng(seed);
  const ops = realOperations();
  const find = (name: string) => ops.find((o) => o.name === name) as Operation;
  const importOp = find("ImportCurriculum");
  const recordOp = find("RecordEvents");
  const report: FuzzReport = { seed, inputs: 0, byKind: {}, codes: {}, statuses: {}, wsCloseCodes: {}, serverErrors: 0, uncoded: 0, leaks: 0, internal: 0, healthFailures: 0, examples: [] };
  const note = (what: string) => {
    if (report.examples.length < 20) report.examples.push(what.slice(0, 300));
  };

  const check = async (kind: string, body: string, token: string | null) => {
    const res = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: r.next() < 0.5 ? "application/graphql-response+json" : "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
    const text = await res.text();
    bump(report.statuses, String(res.status));
    if (res.status >= 500) {
      report.serverErrors++;
      note(`${kind} ${res.status}: ${body.slice(0, 120)} -> ${text.slice(0, 150)}`);
    }
    if (LEAK.test(text)) {
      report.leaks++;
      note(`${kind} leak: ${text.slice(0, 200)}`);
    }
    let parsed: { errors?: Array<{ extensions?: { code?: unknown } }> };
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      report.uncoded++;
      note(`${kind} not JSON: ${text.slice(0, 150)}`);
      return;
    }
    for (const e of parsed.errors ?? []) {
      const code = String(e.extensions?.code);
      bump(report.codes, code);
      if (!(code in ERROR_CODES)) {
        report.uncoded++;
        note(`${kind} uncoded: ${JSON.stringify(e).slice(0, 150)}`);
      }
      if (code === "INTERNAL_SERVER_ERROR") {
        report.internal++;
        note(`${kind} internal: ${body.slice(0, 200)}`);
      }
    }
  };

  const wsBatch = async (frames: Array<string | Buffer>) => {
    const socket = new WebSocket(base.replace(/^http/, "ws") + "/graphql", "graphql-transport-ws");
    await new Promise<void>((resolve) => {
      socket.once("open", () => resolve());
      socket.once("error", () => resolve());
    });
    const done = new Promise<void>((resolve) => {
      socket.on("message", (data) => {
        const text = String(data);
        if (LEAK.test(text)) {
          report.leaks++;
          note(`ws leak: ${text.slice(0, 200)}`);
        }
        try {
          const m = JSON.parse(text) as { type?: string; payload?: Array<{ extensions?: { code?: unknown } }> };
          if (m.type === "error") {
            for (const e of m.payload ?? []) {
              const code = String(e.extensions?.code);
              bump(report.codes, code);
              if (!(code in ERROR_CODES)) {
                report.uncoded++;
                note(`ws uncoded: ${text.slice(0, 200)}`);
              }
            }
          }
        } catch {
          report.uncoded++;
        }
      });
      socket.once("close", (code) => {
        bump(report.wsCloseCodes, String(code));
        if (code === 1011) {
          report.serverErrors++;
          note("ws closed 1011 (internal error)");
        }
        resolve();
      });
    });
    if (socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${tokens.admin}` } }));
      for (const f of frames) if (socket.readyState === WebSocket.OPEN) socket.send(f);
      setTimeout(() => socket.close(1000), 300).unref();
    }
    await done;
  };

  const one = async () => {
    const op = r.pick(ops);
    const roll = r.next();
    let kind: string;
    if (roll < 0.4) {
      kind = "document";
      await check(kind, JSON.stringify({ query: mutateDocument(r, op.text), variables: {} }), r.next() < 0.5 ? tokens.admin : null);
    } else if (roll < 0.6) {
      kind = "variables";
      await check(kind, JSON.stringify({ query: op.text, variables: badVariables(r, op) }), tokens.admin);
    } else if (roll < 0.7) {
      kind = "body";
      await check(kind, badBody(r, op), r.next() < 0.5 ? tokens.admin : null);
    } else if (roll < 0.78) {
      kind = "csv-import";
      await check(kind, JSON.stringify({ query: importOp.text, variables: { format: "CSV", content: badCsv(r, prefix), dryRun: true, allowPartial: r.next() < 0.5 } }), tokens.designer);
    } else if (roll < 0.85) {
      kind = "json-import";
      await check(kind, JSON.stringify({ query: importOp.text, variables: { format: "JSON", content: badJson(r, prefix), dryRun: true, allowPartial: false } }), tokens.designer);
    } else if (roll < 0.92) {
      kind = "events";
      await check(kind, JSON.stringify({ query: recordOp.text, variables: { events: badEvents(r, prefix), atomic: r.next() < 0.5 } }), tokens.admin);
    } else {
      kind = "ws-frames";
      const frames = Array.from({ length: 5 }, () => badFrame(r, op));
      await wsBatch(frames);
      report.inputs += frames.length - 1;
      bump(report.byKind, kind);
      report.byKind[kind] = (report.byKind[kind] ?? 0) + frames.length - 1;
    }
    report.inputs++;
    if (kind !== "ws-frames") bump(report.byKind, kind);
  };

  // Inputs are drawn in order from the seeded generator, then sent 8 at a time.
  // (Every draw happens synchronously when one() is called, so concurrency keeps the order.)
  while (report.inputs < n) {
    for (let k = 0; k < 250 && report.inputs < n; k += 8) await Promise.all(Array.from({ length: 8 }, () => one()));
    const health = await fetch(`${base}/healthz`).catch(() => null);
    if (health?.status !== 200) report.healthFailures++;
  }
  return report;
}
