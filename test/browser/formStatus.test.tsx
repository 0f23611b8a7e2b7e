/**
 * The form's status line (`p.ching-status`, "Saving…" and the like, empty while idle) is plain
 * muted text, not the history's status pill: the two once shared a class name, so every form
 * showed an empty grey pill beside its buttons and a message that could not wrap on a phone.
 */
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, expect, it } from "vitest";
import { CustomerForm } from "@ching/billing-portal-react";
import chingCss from "../../src/components/styles.css?raw";
import { customerObject } from "../fixtures";
import { TestPortal, testQueryClient } from "../support/TestPortal";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.head.querySelectorAll("style[data-test]").forEach((sheet) => sheet.remove());
  document.body.replaceChildren();
});

it("the form's status line paints nothing while idle and wraps like text", async () => {
  const sheet = document.createElement("style");
  sheet.dataset.test = "";
  sheet.textContent = chingCss;
  document.head.append(sheet);
  const frame = document.createElement("div");
  frame.style.width = "360px";
  document.body.append(frame);
  root = createRoot(frame);
  await act(async () =>
    root?.render(
      <TestPortal locale="en" queryClient={testQueryClient()} fetch={() => new Promise<Response>(() => undefined)}>
        <CustomerForm customer={customerObject({ name: "Tal Levi", locale: "en" })} onCancel={() => undefined} />
      </TestPortal>,
    ),
  );
  const status = frame.querySelector<HTMLElement>('.ching-actions [role="status"]')!;
  expect(status).toBeEmptyDOMElement();
  const style = getComputedStyle(status);
  expect(style.backgroundColor).toBe("rgba(0, 0, 0, 0)");
  expect(style.borderTopLeftRadius).toBe("0px");
  expect(style.whiteSpace).toBe("normal");
  expect(status.getBoundingClientRect().width).toBe(0);
});
