import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "@ching/billing-portal-react/styles.css";
import "./shop.css";
import { App } from "./App";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
