import { defineConfig } from "vite";

// The web app: built into web/dist and served by the API server at /app (see src/server/web.ts).
export default defineConfig({
  root: new URL(".", import.meta.url).pathname,
  base: "/app/",
  oxc: { jsx: { runtime: "automatic" } },
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
});
