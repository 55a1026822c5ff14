import { Redis } from "ioredis";
import type { Logger } from "../../logger.js";
import type { AppliedChange } from "../events/events.service.js";
import type { LiveHub } from "./hub.js";
import type { CurriculumChangeRecord } from "./live.records.js";

const CHANNEL = "frontier:live";

/** The streams that cross servers; the others are derived from these on each server. */
type Message = { topic: "mastery"; records: AppliedChange[] } | { topic: "curriculum"; records: CurriculumChangeRecord[] };

const deliver = (hub: LiveHub, m: Message) => (m.topic === "mastery" ? hub.mastery.publish(m.records) : hub.curriculum.publish(m.records));

/** How committed changes reach subscribers: directly (one server) or through Redis (many). */
export interface Fanout {
  publishMastery(changes: AppliedChange[]): void;
  publishCurriculum(changes: CurriculumChangeRecord[]): void;
  /** "off" without REDIS_URL; "up" or "down" with it. */
  health(): "off" | "up" | "down";
  close(): Promise<void>;
}

/**
 * Without REDIS_URL, changes go straight to this server's hub. With it, every batch is published
 * once (serialised once) on a Redis channel that every server subscribes to, so a subscriber on
 * server B sees a change made through server A. When Redis is unreachable, servers keep serving:
 * changes are delivered to this server's own subscribers only, /healthz says "degraded", and the
 * catch-up query (`masteryChangesSince`) fills the gap; fan-out resumes when Redis is back (ioredis
 * reconnects and re-subscribes).
 */
export function createFanout(redisUrl: string | undefined, hub: LiveHub, logger: Logger): Fanout {
  if (!redisUrl) {
    return {
      publishMastery: (records) => hub.mastery.publish(records),
      publishCurriculum: (records) => hub.curriculum.publish(records),
      health: () => "off",
      close: async () => {},
    };
  }
  // Reconnect every 100-500 ms while Redis is away (cheap against a refused port): fan-out resumes
  // within half a second of its return (with a 2 s cap it took up to 2 s; measured in
  // docs/reliability.md).
  const options = { maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: (times: number) => Math.min(times * 100, 500) };
  const pub = new Redis(redisUrl, options);
  const sub = new Redis(redisUrl, { ...options, enableOfflineQueue: true });
  for (const [name, conn] of [["publisher", pub], ["subscriber", sub]] as const) {
    conn.on("error", (err: Error) => logger.warn({ err: err.message, conn: name }, "redis unavailable"));
    conn.on("ready", () => logger.info({ conn: name }, "redis ready"));
  }
  sub.subscribe(CHANNEL).catch((err: Error) => logger.warn({ err: err.message }, "redis subscribe failed; will retry on reconnect"));
  sub.on("message", (_channel: string, message: string) => {
    try {
      const m = JSON.parse(message) as Message;
      if (m.topic !== "mastery" && m.topic !== "curriculum") throw new Error(`unknown topic ${String((m as { topic: unknown }).topic)}`);
      deliver(hub, m);
    } catch (err) {
      logger.error({ err }, "bad fan-out message");
    }
  });
  const publish = (m: Message) => {
    if (m.records.length === 0) return;
    if (pub.status !== "ready") {
      deliver(hub, m);
      return;
    }
    pub.publish(CHANNEL, JSON.stringify(m)).catch((err: Error) => {
      logger.warn({ err: err.message }, "redis publish failed; delivering locally");
      deliver(hub, m);
    });
  };
  return {
    publishMastery: (records) => publish({ topic: "mastery", records }),
    publishCurriculum: (records) => publish({ topic: "curriculum", records }),
    health: () => (pub.status === "ready" && sub.status === "ready" ? "up" : "down"),
    async close() {
      pub.disconnect();
      sub.disconnect();
    },
  };
}
