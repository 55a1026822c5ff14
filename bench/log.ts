/** Progress on stderr (stdout carries the results table). */

export const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

const clock = (seconds: number) => (seconds >= 3600 ? `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, "0")}m` : `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, "0")}s`);

/** A counter towards `total` that prints done, rate and ETA at most every 2 s (one line in place on a terminal). */
export function progress(label: string, total: number) {
  const started = performance.now();
  let last = 0;
  const line = (done: number) => {
    const seconds = (performance.now() - started) / 1000;
    const rate = done / Math.max(seconds, 1e-3);
    const eta = rate > 0 ? (total - done) / rate : 0;
    return `[bench] ${label}: ${done.toLocaleString("en")}/${total.toLocaleString("en")} (${Math.floor((done / Math.max(1, total)) * 100)}%), ${Math.round(rate).toLocaleString("en")}/s, ETA ${clock(eta)}, elapsed ${clock(seconds)}`;
  };
  return {
    update(done: number) {
      const now = performance.now();
      if (now - last < 2000) return;
      last = now;
      process.stderr.write(process.stderr.isTTY ? `\r${line(done)}\x1b[K` : `${line(done)}\n`);
    },
    done(done = total) {
      process.stderr.write(`${process.stderr.isTTY ? "\r" : ""}${line(done)}${process.stderr.isTTY ? "\x1b[K" : ""}\n`);
    },
  };
}
