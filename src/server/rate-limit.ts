import { createHash } from "node:crypto";
import type { RequestHandler } from "express";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { Role } from "../auth/roles.js";
import { bearer, type TokenVerifier } from "../auth/tokens.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { sendGraphqlError } from "./http-errors.js";

type Budget = "token" | "ingest" | "address";

/**
 * Request budgets per window (rate-limiter-flexible): per bearer token, a larger one for tokens
 * with the ADMIN role (ingestion producers and operators), and per client address for requests
 * without a valid token. With REDIS_URL the counters live in Redis, so every server enforces one
 * budget; if Redis is unreachable each server falls back to its own memory counters (insurance
 * limiter) instead of refusing or letting everything through. A request over budget gets 429
 * RATE_LIMITED with `Retry-After` (seconds) and `extensions.retryAfterSeconds`.
 */
export function createRateLimit(config: Config, verifier: TokenVerifier, logger: Logger): { middleware: RequestHandler; close(): void } {
  const duration = config.RATE_LIMIT_WINDOW_S;
  const points: Record<Budget, number> = { token: config.RATE_LIMIT_TOKEN, ingest: config.RATE_LIMIT_INGEST, address: config.RATE_LIMIT_ADDRESS };
  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false }) : null;
  redis?.on("error", (err: Error) => logger.debug({ err: err.message }, "rate limiter: redis unavailable; using memory counters"));
  const limiters = Object.fromEntries(
    (Object.keys(points) as Budget[]).map((budget) => {
      const opts = { keyPrefix: `frontier:rl:${budget}`, points: points[budget], duration };
      const limiter: RateLimiterAbstract = redis
        ? new RateLimiterRedis({ ...opts, storeClient: redis, insuranceLimiter: new RateLimiterMemory(opts) })
        : new RateLimiterMemory(opts);
      return [budget, limiter];
    }),
  ) as Record<Budget, RateLimiterAbstract>;

  const middleware: RequestHandler = async (req, res, next) => {
    let budget: Budget = "address";
    let key = req.ip ?? req.socket.remoteAddress ?? "unknown";
    const token = bearer(req.header("authorization") ?? "");
    if (token) {
      try {
        // Verified tokens are cached, so this costs a map lookup after the first request.
        const user = await verifier.verify(token);
        budget = user.roles.includes(Role.ADMIN) || user.roles.includes(Role.PRODUCER) ? "ingest" : "token";
        key = createHash("sha256").update(token).digest("base64url");
      } catch {
        // An invalid token is answered 401 by the context; count it against the address.
      }
    }
    if (points[budget] === 0) return next();
    try {
      await limiters[budget].consume(key);
      next();
    } catch (rej) {
      if (!(rej instanceof RateLimiterRes)) {
        logger.warn({ err: rej }, "rate limiter failed; request let through");
        return next();
      }
      const retryAfterSeconds = Math.max(1, Math.ceil(rej.msBeforeNext / 1000));
      res.setHeader("retry-after", String(retryAfterSeconds));
      sendGraphqlError(req, res, 429, "RATE_LIMITED", `Too many requests: ${points[budget]} per ${duration} s for this ${budget === "address" ? "client address" : "token"}. Retry after ${retryAfterSeconds} s.`, {
        retryAfterSeconds,
      });
    }
  };
  return { middleware, close: () => redis?.disconnect() };
}
