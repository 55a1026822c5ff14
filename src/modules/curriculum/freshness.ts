/**
 * Provable freshness of a process's curriculum copies across servers (module README, "Freshness").
 *
 * Every curriculum write transaction bumps one counter in Neo4j as its last statement
 * (cypher/curriculum/bump-version.cypher), and its change notices carry the version it made.
 * This process tracks `known`: the version up to which it has applied every change's
 * invalidation (fine-grained, from the notices, when they arrive without gaps). A read that
 * started after a commit sees that commit's version; when a request sees a version above
 * `known`, some change has not been applied here (a notice still on its way through Redis, a
 * server without Redis, a recount of `unlocks`): everything is forgotten at once and `known`
 * jumps to it (`coarse`).
 *
 * Requests establish freshness in one of two ways:
 * - their own read returns the version (recommendations' learner read): `begin` before it,
 *   `observed` after it, no extra round trip;
 * - otherwise `fresh(mark)`, where `mark` is taken when the request began: it resolves once a
 *   version read that *started after the mark* has been observed. Such probes are shared: at most
 *   one is in flight, and the callers that arrive meanwhile share the next one, so under load a
 *   probe serves many requests and costs each almost nothing.
 */
export class CurriculumFreshness {
  /** Version reads started so far (probes and requests' own reads). */
  private started = 0;
  /** The highest read sequence number whose version has been observed. */
  private completed = 0;
  private known: number | null = null;
  /** Versions above `known` whose invalidation has been applied (notices that arrived early). */
  private readonly ahead = new Set<number>();
  private inFlight: { seq: number; done: Promise<void> } | null = null;
  private queued: Promise<void> | null = null;

  constructor(
    private readonly readVersion: () => Promise<number>,
    /** Forgets every copy (called when a version above `known` is seen). */
    private readonly coarse: () => void,
  ) {}

  /** The version up to which every change is applied here (null before the first read). */
  get knownVersion(): number | null {
    return this.known;
  }

  /** A request's mark: the reads started before it. */
  mark(): number {
    return this.started;
  }

  /** Before a read that returns the curriculum's version: its sequence number (for `observed`). */
  begin(): number {
    return ++this.started;
  }

  /** The version a read begun at `seq` returned: forget everything if some change is not applied yet. */
  observed(seq: number, version: number): void {
    if (this.known === null || version > this.known) {
      this.coarse();
      this.known = version;
      for (const v of this.ahead) if (v <= version) this.ahead.delete(v);
    }
    if (seq > this.completed) this.completed = seq;
  }

  /** The invalidation of the change that made `version` has been applied here (a notice, local or fanned out). */
  applied(version: number): void {
    if (this.known === null || version <= this.known) return;
    this.ahead.add(version);
    while (this.ahead.delete(this.known + 1)) this.known++;
  }

  /** Resolves once a version read that started after `mark` has been observed (see the class comment). */
  fresh(mark: number = this.started): Promise<void> {
    if (this.completed > mark) return Promise.resolve();
    const flight = this.inFlight;
    if (flight && flight.seq > mark) return flight.done;
    // The next probe starts after every caller that joins it: it serves them all.
    if (this.queued) return this.queued;
    if (!flight) return this.probe();
    const queued = flight.done
      .then(
        () => {},
        () => {},
      )
      .then(() => {
        if (this.queued === queued) this.queued = null;
        return this.probe();
      });
    this.queued = queued;
    return queued;
  }

  private probe(): Promise<void> {
    const seq = this.begin();
    const done = this.readVersion().then((v) => this.observed(seq, v));
    this.inFlight = { seq, done };
    const clear = () => {
      if (this.inFlight?.done === done) this.inFlight = null;
    };
    done.then(clear, clear);
    return done;
  }
}
