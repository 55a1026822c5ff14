import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { takeTokenFromUrl } from "./auth";
import "./styles.css";

// A development link carries its token in the fragment: keep it in sessionStorage, drop it from the URL.
takeTokenFromUrl();

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
