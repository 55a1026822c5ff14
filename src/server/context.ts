import { randomUUID } from "node:crypto";
import type { AuthUser } from "../auth/roles.js";
import { bearer, type TokenVerifier } from "../auth/tokens.js";
import { UnauthenticatedError } from "../errors/errors.js";
import type { Logger } from "../logger.js";
import { createLoaders, type Loaders, type Services } from "../services.js";

export interface Context {
  requestId: string;
  user: AuthUser | null;
  logger: Logger;
  services: Services;
  loaders: Loaders;
  /** Taken when the request began: its curriculum reads are at least as fresh as the curriculum then (curriculum/freshness.ts). */
  curriculumMark: number;
}

/**
 * Resolves the caller from an Authorization header value. No header means anonymous; a header
 * that is present but not a valid bearer token is an error (401), never a silent downgrade.
 */
export async function authenticate(header: string | undefined, verifier: TokenVerifier): Promise<AuthUser | null> {
  if (header === undefined || header.trim() === "") return null;
  const token = bearer(header);
  if (!token) throw withStatus(new UnauthenticatedError("Authorization header must be 'Bearer <token>'."), 401);
  try {
    return await verifier.verify(token);
  } catch (err) {
    throw withStatus(err as UnauthenticatedError, 401);
  }
}

function withStatus<E extends UnauthenticatedError>(err: E, status: number): E {
  (err.extensions as Record<string, unknown>).http = { status };
  return err;
}

/** A request's context. Its DataLoaders are made on first use (many subscriptions never need them). */
export function buildContext(services: Services, user: AuthUser | null, requestId: string = randomUUID()): Context {
  let loaders: Loaders | null = null;
  // Taken now: the request's curriculum reads are proved as fresh as the curriculum when it began.
  const curriculumMark = services.curriculum.mark();
  return {
    requestId,
    user,
    logger: services.logger.child({ requestId, sub: user?.sub }),
    services,
    curriculumMark,
    get loaders() {
      return (loaders ??= createLoaders(services, curriculumMark));
    },
  };
}
