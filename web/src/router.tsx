import { createContext, useContext, useEffect, useState, type ReactNode, type MouseEvent } from "react";

/** A small history router for the app under /app (the server falls back to index.html). */
export const BASE = "/app";

interface Location {
  path: string;
  query: URLSearchParams;
}

const RouterContext = createContext<{ location: Location; navigate: (to: string, replace?: boolean) => void } | null>(null);

function current(): Location {
  const path = window.location.pathname.startsWith(BASE) ? window.location.pathname.slice(BASE.length) || "/" : "/";
  return { path: path.replace(/\/+$/, "") || "/", query: new URLSearchParams(window.location.search) };
}

export function Router({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    const onPop = () => setLocation(current());
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);
  const navigate = (to: string, replace = false) => {
    const url = `${BASE}${to.startsWith("/") ? to : `/${to}`}`;
    if (replace) window.history.replaceState(null, "", url);
    else window.history.pushState(null, "", url);
    setLocation(current());
  };
  return <RouterContext.Provider value={{ location, navigate }}>{children}</RouterContext.Provider>;
}

export function useRouter() {
  const r = useContext(RouterContext);
  if (!r) throw new Error("useRouter outside Router");
  return r;
}

/** Sets query parameters on the current path (null removes one). */
export function useQueryParams(): [URLSearchParams, (changes: Record<string, string | null>) => void] {
  const { location, navigate } = useRouter();
  const set = (changes: Record<string, string | null>) => {
    const q = new URLSearchParams(location.query);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) q.delete(k);
      else q.set(k, v);
    }
    const s = q.toString();
    navigate(`${location.path}${s ? `?${s}` : ""}`);
  };
  return [location.query, set];
}

export function Link({ to, children, className, ...rest }: { to: string; children: ReactNode; className?: string; "aria-current"?: "page" }) {
  const { navigate } = useRouter();
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={`${BASE}${to}`} onClick={onClick} className={className} {...rest}>
      {children}
    </a>
  );
}
