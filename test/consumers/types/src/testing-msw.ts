// /testing as a merchant's tests with msw use it. (Without the DOM lib, msw's own declarations
// do not type-check; the *-nodom configurations stand them in with stubs/, so that what is
// checked there is our /testing declarations.)
import { setupServer } from "msw/node";
import { createMockBillingPortal, createMockChing, MOCK_CHING_API_KEY } from "@ching/billing-portal-react/testing";

export const viaString: Promise<Response> = createMockChing().fetch("https://ching.test/ching/v1/customers", {
  headers: { authorization: `Bearer ${MOCK_CHING_API_KEY}` },
});
const portal = createMockBillingPortal({ signedIn: null });
export const server = setupServer(...portal.handlers);
