import { createRemoteJWKSet, jwtVerify, SignJWT, errors as joseErrors, type JWTVerifyGetKey } from "jose";
import type { Config } from "../config.js";
import { UnauthenticatedError } from "../errors/errors.js";
import { ROLES, type AuthUser, type Role } from "./roles.js";

export interface TokenVerifier {
  verify(token: string): Promise<AuthUser>;
}

function rolesOf(payload: Record<string, unknown>): Role[] {
  const raw = Array.isArray(payload.roles) ? payload.roles : typeof payload.role === "string" ? [payload.role] : [];
  return raw.map((r) => String(r).toUpperCase()).filter((r): r is Role => (ROLES as string[]).includes(r));
}

/** Verified tokens are remembered this long at most (and never past their expiry). */
const VERIFIED_TTL_MS = 5 * 60_000;
const VERIFIED_MAX = 10_000;

/**
 * Verifies bearer tokens: HS256 with JWT_SECRET in development, or keys from JWKS_URL in
 * production. Issuer and audience are checked; roles come from the `roles` (or `role`) claim.
 * A token that verified
 * is remembered until it expires, for at most 5 minutes (a key removed from the JWKS stops
 * working within that time): apps send the same token with every request, and verification was
 * a visible share of a small request's CPU.
 */
export function createVerifier(config: Config): TokenVerifier {
  const secret = config.JWT_SECRET ? new TextEncoder().encode(config.JWT_SECRET) : null;
  const jwks: JWTVerifyGetKey | null = config.JWKS_URL ? createRemoteJWKSet(new URL(config.JWKS_URL)) : null;
  const verified = new Map<string, { user: AuthUser; until: number }>();
  const check = async (token: string): Promise<AuthUser> => {
    try {
      const options = { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE };
      const { payload } = jwks
        ? await jwtVerify(token, jwks, options)
        : await jwtVerify(token, secret as Uint8Array, { ...options, algorithms: ["HS256"] });
      if (typeof payload.sub !== "string" || payload.sub === "") throw new UnauthenticatedError("Token has no subject.");
      const roles = rolesOf(payload as Record<string, unknown>);
      if (roles.length === 0) throw new UnauthenticatedError("Token has no known role.");
      return { sub: payload.sub, roles, expiresAt: payload.exp ? payload.exp * 1000 : null };
    } catch (err) {
      if (err instanceof UnauthenticatedError) throw err;
      if (err instanceof joseErrors.JWTExpired) throw new UnauthenticatedError("Token expired.");
      throw new UnauthenticatedError("Invalid token.");
    }
  };
  return {
    async verify(token) {
      const now = Date.now();
      const hit = verified.get(token);
      if (hit && hit.until > now) return hit.user;
      verified.delete(token);
      const user = await check(token);
      verified.set(token, { user, until: Math.min(user.expiresAt ?? Infinity, now + VERIFIED_TTL_MS) });
      if (verified.size > VERIFIED_MAX) verified.delete(verified.keys().next().value as string);
      return user;
    },
  };
}

/** Signs a development token (HS256). Used by `frontier token` and the tests. */
export async function signToken(
  config: Pick<Config, "JWT_SECRET" | "JWT_ISSUER" | "JWT_AUDIENCE">,
  claims: { sub: string; roles: Role[]; expiresIn?: string | number },
): Promise<string> {
  if (!config.JWT_SECRET) throw new Error("JWT_SECRET is not set: development tokens need it.");
  return new SignJWT({ roles: claims.roles })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claims.sub)
    .setIssuer(config.JWT_ISSUER)
    .setAudience(config.JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? "12h")
    .sign(new TextEncoder().encode(config.JWT_SECRET));
}

/** The token of an `Authorization: Bearer ...` header value, or null. */
export function bearer(header: string | undefined | null): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1] ?? null;
}
