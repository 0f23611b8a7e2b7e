import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { packageAliases } from "../vite.aliases.ts";

export default defineConfig({
  plugins: [react()],
  resolve: { alias: packageAliases },
});
