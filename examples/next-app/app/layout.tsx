import type { ReactNode } from "react";
// The server-safe entry: called here, in a Server Component.
import { directionOf } from "@ching/billing-portal-react/shared";
import "@ching/billing-portal-react/styles.css";

export const metadata = { title: "Shop" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="he" dir={directionOf("he")}>
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: 720, margin: "2rem auto", padding: "0 1rem" }}>{children}</body>
    </html>
  );
}
