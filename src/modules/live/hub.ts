import { UnauthenticatedError } from "../../errors/errors.js";
import type { AppliedChange } from "../events/events.service.js";

/** A subscriber's filter: may this subscriber see this change? Checked for every event. */
export type ChangeFilter = (change: AppliedChange) => boolean | Promise<boolean>;

/** Events a slow subscriber may have queued before the oldest are dropped (the catch-up query fills the gap). */
export const SUBSCRIBER_BUFFER = 1000;

/**
 * In-process fan-out of mastery changes to subscribers. Each subscription has a bounded queue;
 * when a subscriber falls more than SUBSCRIBER_BUFFER changes behind, the oldest are dropped, so
 * a stuck client never holds memory or delays others. Clients recover with `masteryChanges`
 * (every change has a per-learner sequence number).
 */
export class LiveHub {
  private readonly subscribers = new Set<(changes: AppliedChange[]) => void>();

  publish(changes: AppliedChange[]): void {
    if (changes.length === 0) return;
    for (const s of this.subscribers) s(changes);
  }

  get size(): number {
    return this.subscribers.size;
  }

  subscribe(filter: ChangeFilter, isExpired: () => boolean = () => false): AsyncIterableIterator<AppliedChange> {
    const queue: AppliedChange[] = [];
    let wake: (() => void) | null = null;
    let done = false;
    const push = (changes: AppliedChange[]) => {
      queue.push(...changes);
      if (queue.length > SUBSCRIBER_BUFFER) queue.splice(0, queue.length - SUBSCRIBER_BUFFER);
      wake?.();
    };
    this.subscribers.add(push);
    const close = () => {
      done = true;
      this.subscribers.delete(push);
      wake?.();
    };
    const iterator: AsyncIterableIterator<AppliedChange> = {
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
          const change = queue.shift();
          if (change) {
            if (await filter(change)) return { done: false, value: change };
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
