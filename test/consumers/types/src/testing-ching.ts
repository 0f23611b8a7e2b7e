// The in-memory Ching as a server project's tests use it: /testing/ching needs neither msw nor the DOM lib.
import { createMockChing, MOCK_CHING_API_KEY, type MockChingServer } from "@ching/billing-portal-react/testing/ching";

const ching = createMockChing({ customers: [{ name: "Tal Levi" }] });
export const viaRequest: Promise<Response> = ching.fetch(new Request("https://ching.test/ching/v1/customers"));
export const viaUrl: Promise<Response> = ching.fetch(new URL("https://ching.test/ching/v1/customers"), {
  headers: { authorization: `Bearer ${MOCK_CHING_API_KEY}` },
});
export const viaString: Promise<Response> = ching.fetch("https://ching.test/ching/v1/customers");
export const listening: Promise<MockChingServer> = ching.listen(0);
