import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import compression from "compression";
import express, { type Express, type Request, type Response, type NextFunction } from "express";
import helmet from "helmet";
import type { Logger } from "../logger.js";
import { sendGraphqlError } from "./http-errors.js";

/** The repository root: the nearest folder above this file with a package.json (src/ under tsx, dist/src/ when built). */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i += 1) {
    if (existsSync(join(dir, "package.json"))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

export const WEB_DIST = resolve(repoRoot(), "web", "dist");

/**
 * A strict Content-Security-Policy: scripts, styles and connections only from this origin (the
 * WebSocket at /graphql included), no inline script or style element, no frames, no plugins.
 */
export const WEB_CSP = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'"],
  "img-src": ["'self'", "data:", "blob:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'none'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
} as const;

/**
 * Serves the built web app at /app: hashed assets cached for a year (immutable), index.html never
 * cached (so a deployment is picked up at once), any other /app path answered with index.html (the
 * app routes itself). Without a build, /app says how to make one.
 */
export function mountWebApp(app: Express, logger: Logger, dist: string = WEB_DIST): void {
  const headers = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { ...WEB_CSP } },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: "no-referrer" },
  });
  const index = join(dist, "index.html");
  // Read again when the file changes (a rebuild while the server runs names new hashed assets).
  let held: { mtimeMs: number; html: string } | null = null;
  const readIndex = (): string | null => {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(index).mtimeMs;
    } catch {
      return null;
    }
    if (held?.mtimeMs !== mtimeMs) held = { mtimeMs, html: readFileSync(index, "utf8") };
    return held.html;
  };
  if (!existsSync(index)) logger.warn({ dist }, "the web app is not built: /app answers 503 until `npm run build:web`");
  app.get("/", (_req, res) => res.redirect(302, "/app/"));
  app.use("/app", headers, compression());
  app.use(
    "/app",
    express.static(dist, {
      index: false,
      redirect: false,
      fallthrough: true,
      setHeaders(res, path) {
        res.setHeader("cache-control", /[\\/]assets[\\/]/.test(path) ? "public, max-age=31536000, immutable" : "no-cache");
      },
    }),
  );
  app.use("/app", (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    // A missing hashed asset is a 404, not the page (a stale tab after a deployment reloads).
    if (req.path.startsWith("/assets/")) return next();
    const html = readIndex();
    if (html === null) {
      sendGraphqlError(req, res, 503, "SERVICE_UNAVAILABLE", "The web app is not built: run `npm run build:web` (npm run demo does it).");
      return;
    }
    res.setHeader("cache-control", "no-cache");
    res.type("html").send(html);
  });
}
