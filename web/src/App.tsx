import { ApolloProvider } from "@apollo/client/react";
import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from "react";
import { clearToken, getToken, readClaims, setToken } from "./auth";
import { createFrontierClient, type Connection, type Frontier } from "./client";
import { Link, Router, useRouter } from "./router";
import { SignIn } from "./views/SignIn";
import { TeacherView } from "./views/Teacher";
import { LearnerView } from "./views/Learner";

// The studio carries the graph layout libraries: loaded only when a designer opens it.
const DesignerView = lazy(() => import("./views/Designer").then((m) => ({ default: m.DesignerView })));

function useConnection(connection: Connection) {
  return useSyncExternalStore(
    (cb) => connection.subscribe(cb),
    () => connection.state,
  );
}

function ConnectionBadge({ connection }: { connection: Connection }) {
  const state = useConnection(connection);
  const text = { connecting: "Connecting…", connected: "Live", reconnecting: "Reconnecting…", closed: "Offline" }[state];
  return (
    <span className={`badge badge-${state}`} role="status" aria-live="polite" data-testid="connection">
      {text}
    </span>
  );
}

function Shell({ frontier, roles, sub, onSignOut }: { frontier: Frontier; roles: string[]; sub: string; onSignOut: () => void }) {
  const { location, navigate } = useRouter();
  const isTeacher = roles.includes("TEACHER") || roles.includes("ADMIN");
  const isDesigner = roles.includes("DESIGNER") || roles.includes("ADMIN");
  const isLearner = roles.includes("LEARNER");
  const section = location.path.split("/")[1] ?? "";
  useEffect(() => {
    if (section === "" || section === "signin") navigate(isTeacher ? "/teacher" : isDesigner ? "/designer" : "/learner", true);
  }, [section, isTeacher, isDesigner]);
  const nav = [
    isTeacher && { to: "/teacher", label: "Class dashboard", key: "teacher" },
    isDesigner && { to: "/designer", label: "Curriculum studio", key: "designer" },
    (isLearner || roles.includes("ADMIN")) && { to: "/learner", label: "Learning", key: "learner" },
  ].filter((x): x is { to: string; label: string; key: string } => Boolean(x));
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Frontier</span>
        <nav aria-label="Views">
          {nav.map((n) => (
            <Link key={n.key} to={n.to} className={section === n.key ? "active" : ""} {...(section === n.key ? { "aria-current": "page" as const } : {})}>
              {n.label}
            </Link>
          ))}
        </nav>
        <span className="who" title={roles.join(", ")}>
          {sub}
        </span>
        <ConnectionBadge connection={frontier.connection} />
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {section === "teacher" && isTeacher && <TeacherView frontier={frontier} />}
        {section === "designer" && isDesigner && (
          <Suspense fallback={<p>Loading the studio…</p>}>
            <DesignerView frontier={frontier} />
          </Suspense>
        )}
        {section === "learner" && <LearnerView frontier={frontier} learnerId={location.query.get("learner") ?? sub} />}
        {!["teacher", "designer", "learner", "", "signin"].includes(section) && <p>No such page.</p>}
      </main>
    </>
  );
}

function Authenticated({ token, onSignOut }: { token: string; onSignOut: () => void }) {
  // One client per token, made and disposed by the same effect (safe when React runs effects twice).
  const [frontier, setFrontier] = useState<Frontier | null>(null);
  useEffect(() => {
    const client = createFrontierClient(token);
    setFrontier(client);
    return () => client.dispose();
  }, [token]);
  const claims = readClaims(token);
  if (!frontier) return null;
  return (
    <ApolloProvider client={frontier.apollo}>
      <Shell frontier={frontier} roles={claims?.roles ?? []} sub={claims?.sub ?? ""} onSignOut={onSignOut} />
    </ApolloProvider>
  );
}

function Root() {
  const { navigate } = useRouter();
  const [token, setTokenState] = useState(getToken);
  const claims = readClaims(token);
  const expired = claims?.exp !== null && claims?.exp !== undefined && claims.exp * 1000 < Date.now();
  if (!token || !claims || expired) {
    return (
      <SignIn
        problem={token && !claims ? "That is not a token this app can read." : expired ? "Your session expired: paste a new token." : null}
        onToken={(t) => {
          setToken(t);
          setTokenState(t);
          navigate("/", true);
        }}
      />
    );
  }
  return (
    <Authenticated
      token={token}
      onSignOut={() => {
        clearToken();
        setTokenState(null);
        navigate("/signin", true);
      }}
    />
  );
}

export function App() {
  return (
    <Router>
      <Root />
    </Router>
  );
}
