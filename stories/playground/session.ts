import { createMockBillingPortal } from "@ching/billing-portal-react/testing";

/**
 * One mock merchant endpoint for the whole Storybook session: a customer
 * created or edited in one Playground story is still there in the next (until
 * the page is reloaded). The signed-in person starts without a customer; two
 * others exist for the back-office list.
 */
export const sessionPortal = createMockBillingPortal({
  customers: [
    { id: "cus_Dana0000000A", name: "Dana Cohen", email: "dana@example.com", phone: "+442079460958", locale: "en", created: "2025-11-02T08:00:00.000Z" },
    { id: "cus_Yossi000000B", name: "יוסי מזרחי", email: "yossi@example.co.il", phone: "+972541234567", taxId: "514999874", created: "2026-02-14T10:30:00.000Z" },
  ],
  signedIn: null,
  allowOthers: true,
});
