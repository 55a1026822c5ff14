import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const ROOT = process.cwd();

function newestMtime(dir: string): number {
  let t = 0;
  for (const f of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, f.name);
    t = Math.max(t, f.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds web/dist (a production build whatever NODE_ENV the caller has); with `ifStale`, only when a source is newer than the build. */
export function buildWeb({ ifStale = false }: { ifStale?: boolean } = {}): void {
  const index = join(ROOT, "web", "dist", "index.html");
  if (ifStale && existsSync(index) && statSync(index).mtimeMs >= newestMtime(join(ROOT, "web", "src"))) return;
  const r = spawnSync("npx", ["vite", "build", "--config", "web/vite.config.ts", "--logLevel", "warn"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (r.status !== 0) throw new Error("vite build failed");
}
