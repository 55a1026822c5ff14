import { useState, type FormEvent } from "react";

export function SignIn({ onToken, problem }: { onToken: (token: string) => void; problem: string | null }) {
  const [value, setValue] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim()) onToken(value.trim());
  };
  return (
    <main id="main" className="signin">
      <h1>Sign in to Frontier</h1>
      <p>Paste the bearer token your school's identity provider (or operator) gave you. It stays in this browser tab only, and is forgotten when you sign out or close the tab.</p>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <form onSubmit={submit}>
        <label htmlFor="token">Bearer token</label>
        <textarea id="token" value={value} onChange={(e) => setValue(e.target.value)} rows={4} autoComplete="off" spellCheck={false} required />
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}
