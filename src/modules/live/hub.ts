import { UnauthenticatedError } from "../../errors/errors.js";
import type { AppliedChange } from "../events/events.service.js";
import type { CurriculumChangeRecord } from "./live.records.js";
import type { AlertRaisedRecord, RecommendationsChangeRecord } from "./live.records.js";

/**
 * Maps one published record to what this subscriber receives, or null to skip it. Authorisation
 * lives here: it runs for every record, before anything is executed or serialised.
 */
export type Select<T, R> = (record: T) => R | null | Promise<R | null>;

/** Records a slow subscriber may have queued before the oldest are dropped (the catch-up query fills the gap). */
export const SUBSCRIBER_BUFFER = 1000;

/**
 * One in-process stream of records (mastery changes, curriculum changes, ...). Each subscription
 * has a bounded queue: when a subscriber falls more than SUBSCRIBER_BUFFER records behind, the
 * oldest are dropped (counted in `dropped`), so a stuck client never holds memory or delays the
 * others. Every subscriber receives the same record objects, so equal payloads can be executed
 * and serialised once (see server/shared-execution.ts).
 */
export class LiveTopic<T> {
  private readonly subscribers = new Set<(records: readonly T[]) => void>();
  dropped = 0;

  publish(records: readonly T[]): void {
    if (records.length === 0) return;
    for (const s of this.subscribers) s(records);
  }

  /** Listeners that are not client subscriptions (watchers that derive other topics). */
  listen(listener: (records: readonly T[]) => void): () => void {
    this.subscribers.add(listener);
    return () => this.subscribers.delete(listener);
  }

  get size(): number {
    return this.subscribers.size;
  }

  subscribe<R>(select: Select<T, R>, isExpired: () => boolean = () => false, onClose: () => void = () => {}): AsyncIterableIterator<R> {
    const queue: T[] = [];
    let wake: (() => void) | null = null;
    let done = false;
    const push = (records: readonly T[]) => {
      queue.push(...records);
      if (queue.length > SUBSCRIBER_BUFFER) {
        const over = queue.length - SUBSCRIBER_BUFFER;
        queue.splice(0, over);
        this.dropped += over;
      }
      wake?.();
    };
    this.subscribers.add(push);
    const close = () => {
      if (done) return;
      done = true;
      this.subscribers.delete(push);
      onClose();
      wake?.();
    };
    const iterator: AsyncIterableIterator<R> = {
      [Symbol.asyncIterator]() {
        return iterator;
      },
      async next() {
        for (;;) {
          if (done) return { done: true, value: undefined };
          if (isExpired()) {
            close();
            throw new UnauthenticatedError("Token expired: subscribe again with a fresh token, then catch up with masteryChanges.");
          }
          if (queue.length > 0) {
            const selected = await select(queue.shift() as T);
            if (selected !== null) return { done: false, value: selected };
            continue;
          }
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
        }
      },
      async return() {
        close();
        return { done: true, value: undefined };
      },
    };
    return iterator;
  }
}

/**
 * This server's live streams. `mastery` and `curriculum` carry committed writes (through Redis
 * when REDIS_URL is set, so every server sees every write); `recommendations` and `alerts` are
 * derived on each server from `mastery`, for that server's own subscribers only.
 */
export class LiveHub {
  readonly mastery = new LiveTopic<AppliedChange>();
  readonly curriculum = new LiveTopic<CurriculumChangeRecord>();
  readonly recommendations = new LiveTopic<RecommendationsChangeRecord>();
  readonly alerts = new LiveTopic<AlertRaisedRecord>();

  get dropped(): number {
    return this.mastery.dropped + this.curriculum.dropped + this.recommendations.dropped + this.alerts.dropped;
  }
}
