/**
 * The bearer token: read once from the URL fragment (development links: `#token=...`) and dropped
 * from the address bar at once, or pasted on the sign-in screen. It lives only in sessionStorage
 * (this tab, until it closes) and in memory; signing out forgets it.
 */
const KEY = "frontier.token";

export interface TokenClaims {
  sub: string;
  roles: string[];
  exp: number | null;
}

export function takeTokenFromUrl(): void {
  const hash = window.location.hash.replace(/^#/, "");
  if (!hash) return;
  const params = new URLSearchParams(hash);
  const token = params.get("token");
  if (!token) return;
  setToken(token);
  params.delete("token");
  const rest = params.toString();
  window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search + (rest ? `#${rest}` : ""));
}

export function getToken(): string | null {
  try {
    return window.sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setToken(token: string): void {
  window.sessionStorage.setItem(KEY, token.trim());
}

export function clearToken(): void {
  window.sessionStorage.removeItem(KEY);
}

/** The token's claims for the interface only (which views to offer); the server verifies it. */
export function readClaims(token: string | null): TokenClaims | null {
  if (!token) return null;
  const part = token.split(".")[1];
  if (!part) return null;
  try {
    const json = atob(part.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(part.length / 4) * 4, "="));
    const payload = JSON.parse(json) as Record<string, unknown>;
    const roles = Array.isArray(payload.roles) ? payload.roles.map((r) => String(r).toUpperCase()) : typeof payload.role === "string" ? [payload.role.toUpperCase()] : [];
    return { sub: typeof payload.sub === "string" ? payload.sub : "", roles, exp: typeof payload.exp === "number" ? payload.exp : null };
  } catch {
    return null;
  }
}
