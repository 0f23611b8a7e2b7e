import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, expect, it, vi } from "vitest";
import { PaymentMethods } from "../../src/components";
import { en } from "../../src/core/messages";
import { expectNoAxeViolations, mockEndpoint, renderInProvider, TAL } from "./helpers";

/**
 * The saved cards' rows are a chunk of their own, loaded with the cards. On a
 * flaky network that chunk can fail to arrive while the cards did: the list
 * then says it could not load, and Try again loads the rows.
 */
const chunk = vi.hoisted(() => ({ failuresLeft: 0, loads: 0 }));
vi.mock("../../src/components/PaymentMethodList", async (importOriginal) => {
  chunk.loads += 1;
  if (chunk.failuresLeft > 0) {
    chunk.failuresLeft -= 1;
    throw new TypeError("Failed to fetch dynamically imported module");
  }
  return importOriginal();
});

const { usePortal } = mockEndpoint();
const CARDS = [{ customer: TAL.id, id: "pm_Visa00004242", card: { brand: "visa", last4: "4242", exp_month: 12, exp_year: 2030 }, is_default: true }];

afterEach(() => {
  cleanup();
});

it("shows the list's error with Try again when the rows' code could not load, and Try again shows the rows", { timeout: 20_000 }, async () => {
  chunk.failuresLeft = 2;
  const user = userEvent.setup();
  usePortal({ customers: [TAL], signedIn: TAL.id, paymentMethods: CARDS });
  const { container } = renderInProvider(<PaymentMethods />, { locale: "en" });
  expect(await screen.findByText(en["cards.error"])).toBeInTheDocument();
  expect(screen.queryByRole("list")).not.toBeInTheDocument();
  // The rest of the section still works: Add card is there.
  expect(screen.getByRole("button", { name: "Add test card" })).toBeInTheDocument();
  await expectNoAxeViolations(container);

  await user.click(screen.getByRole("button", { name: "Try again" }));
  const list = await screen.findByRole("list", { name: "Saved cards" });
  expect(within(list).getByRole("listitem", { name: "Visa ending 4242, expires 12/2030, default" })).toBeInTheDocument();
  expect(screen.queryByText(en["cards.error"])).not.toBeInTheDocument();
  await waitFor(() => expect(screen.getByRole("heading", { name: en["cards.title"] })).toHaveFocus());
  expect(chunk.loads).toBe(3);
});
