import type { ReactNode } from "react";

/** Text that reads left to right wherever it sits (amounts, card digits), and never breaks across lines. */
export function Ltr({ children }: { children: ReactNode }) {
  return (
    <bdi className="ching-ltr" dir="ltr">
      {children}
    </bdi>
  );
}
