import { UnauthenticatedError } from "../../errors/errors.js";
import type { AppliedChange } from "../events/events.service.js";
import type { Milestone } from "../practice/practice.type.js";
import type { DriftAlertRecord } from "../quality/drift-monitor.js";
import type { AlertRaisedRecord, CurriculumChangeRecord, RecommendationsChangeRecord } from "./live.records.js";

/**
 * Maps one published record to what this subscriber receives, or null to skip it. Authorisation
 * lives here: it runs for every record routed to the subscriber, before anything is executed or
 * serialised.
 */
export type Select<T, R> = (record: T) => R | null | Promise<R | null>;

/** Records a slow subscriber may have queued before the oldest are dropped (the catch-up query fills the gap). */
export const SUBSCRIBER_BUFFER = 1000;

/**
 * Which records a subscription wants, by a key the topic extracts from each record (e.g. the
 * learner id of a mastery change). Keys can be replaced while the subscription runs (a class's
 * members change). Without a route, a subscription sees every record.
 */
export interface Route<Name extends string> {
  name: Name;
  keys: Iterable<string>;
}

type Push<T> = (records: readonly T[]) => void;

/**
 * One in-process stream of records (mastery changes, curriculum changes, ...). Records are routed
 * to subscriptions by key, so with 1,000 subscribers a record costs only the few subscriptions
 * that asked for its key. Each subscription has a bounded queue: when a subscriber falls more than
 * SUBSCRIBER_BUFFER records behind, the oldest are dropped (counted in `dropped`), so a stuck
 * client never holds memory or delays the others. Every subscriber receives the same record
 * objects, so equal payloads are executed and serialised once (server/shared-execution.ts).
 */
export class LiveTopic<T, Name extends string = never> {
  private readonly everything = new Set<Push<T>>();
  private readonly index = new Map<Name, Map<string, Set<Push<T>>>>();
  dropped = 0;
  /** Client subscriptions open on this topic (listeners excluded). */
  subscriptions = 0;

  constructor(private readonly routes: Record<Name, (record: T) => string> = {} as Record<Name, (record: T) => string>) {
    for (const name of Object.keys(routes) as Name[]) this.index.set(name, new Map());
  }

  publish(records: readonly T[]): void {
    if (records.length === 0) return;
    for (const s of this.everything) s(records);
    for (const [name, byKey] of this.index) {
      if (byKey.size === 0) continue;
      const key = this.routes[name];
      const batches = new Map<Push<T>, T[]>();
      for (const r of records) {
        for (const s of byKey.get(key(r)) ?? []) {
          const batch = batches.get(s);
          if (batch) batch.push(r);
          else batches.set(s, [r]);
        }
      }
      for (const [s, batch] of batches) s(batch);
    }
  }

  /** Listeners that are not client subscriptions (watchers that derive other topics). */
  listen(listener: (records: readonly T[]) => void): () => void {
    this.everything.add(listener);
    return () => this.everything.delete(listener);
  }

  /** Subscribers (listeners included) that a record with this key would reach. */
  reach(name: Name, key: string): number {
    return this.everything.size + (this.index.get(name)?.get(key)?.size ?? 0);
  }

  get size(): number {
    return this.subscriptions + this.everything.size;
  }

  private attach(push: Push<T>, route: Route<Name> | null): () => void {
    if (!route) {
      this.everything.add(push);
      return () => this.everything.delete(push);
    }
    const byKey = this.index.get(route.name);
    if (!byKey) throw new Error(`unknown route ${route.name}`);
    const keys = [...new Set(route.keys)];
    for (const k of keys) {
      let set = byKey.get(k);
      if (!set) byKey.set(k, (set = new Set()));
      set.add(push);
    }
    return () => {
      for (const k of keys) {
        const set = byKey.get(k);
        set?.delete(push);
        if (set?.size === 0) byKey.delete(k);
      }
    };
  }

  /**
   * A client subscription. `route` limits which records reach `select` at all; `select` still
   * checks each of them (authorisation per event). Returns the iterator and `reroute` to replace
   * the route's keys.
   */
  subscribe<R>(
    select: Select<T, R>,
    options: { route?: Route<Name>; isExpired?: () => boolean; onClose?: () => void } = {},
  ): AsyncIterableIterator<R> & { reroute(keys: Iterable<string>): void } {
    const { isExpired = () => false, onClose = () => {} } = options;
    const queue: T[] = [];
    let wake: (() => void) | null = null;
    let done = false;
    const push: Push<T> = (records) => {
      queue.push(...records);
      if (queue.length > SUBSCRIBER_BUFFER) {
        const over = queue.length - SUBSCRIBER_BUFFER;
        queue.splice(0, over);
        this.dropped += over;
      }
      wake?.();
    };
    let detach = this.attach(push, options.route ?? null);
    this.subscriptions++;
    const close = () => {
      if (done) return;
      done = true;
      this.subscriptions--;
      detach();
      onClose();
      wake?.();
    };
    const iterator: AsyncIterableIterator<R> & { reroute(keys: Iterable<string>): void } = {
      [Symbol.asyncIterator]() {
        return iterator;
      },
      reroute: (keys) => {
        if (done || !options.route) return;
        const next = this.attach(push, { name: options.route.name, keys });
        detach();
        detach = next;
      },
      async next() {
        for (;;) {
          if (done) return { done: true, value: undefined };
          if (isExpired()) {
            close();
            throw new UnauthenticatedError("Token expired: subscribe again with a fresh token, then catch up with masteryChangesSince.");
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
  readonly mastery = new LiveTopic<AppliedChange, "learner" | "concept">({ learner: (c) => c.learnerId, concept: (c) => c.conceptId });
  readonly curriculum = new LiveTopic<CurriculumChangeRecord>();
  readonly recommendations = new LiveTopic<RecommendationsChangeRecord, "learner">({ learner: (r) => r.learnerId });
  readonly alerts = new LiveTopic<AlertRaisedRecord, "class">({ class: (a) => a.classId });
  /** Derived on each server from `mastery` (modules/live/milestone-watchers.ts). */
  readonly milestones = new LiveTopic<Milestone, "learner">({ learner: (m) => m.learnerId });
  /** Raised on each server by its drift monitor (modules/quality/drift-monitor.ts), for admins. */
  readonly drift = new LiveTopic<DriftAlertRecord>();

  get subscriptions(): number {
    return this.mastery.subscriptions + this.curriculum.subscriptions + this.recommendations.subscriptions + this.alerts.subscriptions + this.milestones.subscriptions + this.drift.subscriptions;
  }

  get dropped(): number {
    return this.mastery.dropped + this.curriculum.dropped + this.recommendations.dropped + this.alerts.dropped + this.milestones.dropped + this.drift.dropped;
  }
}
