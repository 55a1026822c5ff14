import { defineConfig } from "vite";

// The web app: built into web/dist and served by the API server at /app (see src/server/web.ts).
export default defineConfig(({ command }) => ({
  root: new URL(".", import.meta.url).pathname,
  // A build is a production build whatever NODE_ENV the caller has (vitest sets "test", which
  // would otherwise give React's development build).
  ...(command === "build" ? { define: { "process.env.NODE_ENV": JSON.stringify("production") } } : {}),
  base: "/app/",
  oxc: { jsx: { runtime: "automatic", development: command !== "build" } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // No inline scripts or styles anywhere: the page runs under a strict Content-Security-Policy.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 700,
    sourcemap: false,
  },
  server: {
    proxy: { "/graphql": { target: "http://127.0.0.1:4000", ws: true } },
  },
}));
