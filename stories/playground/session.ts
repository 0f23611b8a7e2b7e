import { createMockBillingPortal } from "@ching/billing-portal-react/testing";
import { DANA } from "../components/support";

/**
 * One mock merchant endpoint for the whole Storybook session: a customer
 * created or edited in one Playground story is still there in the next (until
 * the page is reloaded). The signed-in person starts without a customer; two
 * others exist for the back-office list.
 */
export const sessionPortal = createMockBillingPortal({
  customers: [
    DANA,
    { id: "cus_Yossi000000B", name: "יוסי מזרחי", email: "yossi@example.co.il", phone: "+972541234567", taxId: "514999874", created: "2026-02-14T10:30:00.000Z" },
  ],
  signedIn: null,
  allowOthers: true,
});
