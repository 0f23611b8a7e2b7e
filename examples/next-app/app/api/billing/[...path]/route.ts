// The endpoint the components talk to. It is the only place the Ching key lives.
import { createBillingPortalHandler } from "@ching/billing-portal-react/server";
import { setChingCustomerId, userFromRequest } from "../../../../lib/users";

const handler = createBillingPortalHandler({
  // Unset (as during `next build`), the handler answers 500 MISCONFIGURED instead of throwing.
  apiKey: process.env.CHING_API_KEY,
  // Unset: Ching itself. The end-to-end test points it at the in-memory Ching (npx ching-mock).
  apiBase: process.env.CHING_API_BASE,
  basePath: "/api/billing",
  identify: async (request) => {
    const user = await userFromRequest(request);
    return user ? { userId: user.id, customerId: user.chingCustomerId, email: user.email } : null;
  },
  onCustomerCreated: async (customer, _request, identity) => {
    await setChingCustomerId(String(identity.userId), customer.id);
  },
});

export { handler as GET, handler as POST };
