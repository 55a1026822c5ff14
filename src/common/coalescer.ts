/**
 * Group commit: jobs submitted while the database is busy are run together. At most `lanes`
 * groups run at once; a job submitted while every lane is busy waits and leaves with the next
 * group, together with whatever else arrived meanwhile (up to `maxSize` units per group, in
 * arrival order). An idle lane starts a job at once, so a lone caller waits for nothing.
 *
 * `run` answers each job of a group in order; if it throws, every job of the group fails with
 * that error (callers who want isolation retry the jobs one by one inside `run`).
 */
export class Coalescer<J, R> {
  private readonly queue: Array<{ job: J; resolve: (r: R) => void; reject: (e: unknown) => void }> = [];
  private busy = 0;

  constructor(
    private readonly run: (jobs: J[]) => Promise<R[]>,
    private readonly options: { lanes: number; maxSize: number; size: (job: J) => number },
  ) {}

  submit(job: J): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.pump();
    });
  }

  /** Jobs waiting for a lane (a gauge for /metrics and tests). */
  get waiting(): number {
    return this.queue.length;
  }

  private pump(): void {
    while (this.busy < this.options.lanes && this.queue.length > 0) {
      const group = [this.queue.shift() as (typeof this.queue)[number]];
      let size = this.options.size(group[0]?.job as J);
      while (this.queue.length > 0) {
        const next = this.queue[0] as (typeof this.queue)[number];
        const s = this.options.size(next.job);
        if (size + s > this.options.maxSize) break;
        group.push(this.queue.shift() as (typeof this.queue)[number]);
        size += s;
      }
      this.busy++;
      this.run(group.map((g) => g.job))
        .then(
          (results) => group.forEach((g, i) => g.resolve(results[i] as R)),
          (err: unknown) => group.forEach((g) => g.reject(err)),
        )
        .finally(() => {
          this.busy--;
          this.pump();
        });
    }
  }
}
