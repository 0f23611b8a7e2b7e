import type { BillingDocument, Charge, PaymentMethod } from "./billing";
import {
  createPortalSession,
  createSetupSession,
  detachPaymentMethod,
  documentPdfUrl,
  getDocument,
  getDocuments,
  getSetupSession,
  listCharges,
  listPaymentMethods,
  type ReturnUrlInput,
  type SetupSessionState,
  type StartedPortalSession,
  type StartedSetupSession,
} from "./billingClient";
import {
  createCustomer,
  createEndpointConfig,
  getCreateDefaults,
  getCustomer,
  getMe,
  listCustomers,
  updateCustomer,
  updateMe,
  type CreateDefaults,
  type EndpointClientOptions,
  type EndpointConfig,
  type RequestOptions,
} from "./client";
import type { CreateCustomerInput, Customer, UpdateCustomerInput } from "./customer";

/** Every request of the protocol (docs/protocol.md) as a method, for use outside React. */
export interface EndpointClient extends EndpointConfig {
  /** `GET /customers/me`: the signed-in customer, or `null` when they have none yet. */
  getMe(options?: RequestOptions): Promise<Customer | null>;
  /** `GET /customers/me/defaults`: the name and email a create would use. */
  getCreateDefaults(options?: RequestOptions): Promise<CreateDefaults>;
  /** `GET /customers/:id`. */
  getCustomer(customerId: string, options?: RequestOptions): Promise<Customer>;
  /** `GET /customers`. */
  listCustomers(options?: RequestOptions): Promise<Customer[]>;
  /** `POST /customers`: creates the signed-in user's customer (the endpoint never creates a second one). */
  createCustomer(input: CreateCustomerInput, options?: RequestOptions): Promise<Customer>;
  /** `POST /customers/me`: patches the signed-in customer. */
  updateMe(input: UpdateCustomerInput, options?: RequestOptions): Promise<Customer>;
  /** `POST /customers/:id`: patches another customer, where the endpoint allows it. */
  updateCustomer(customerId: string, input: UpdateCustomerInput, options?: RequestOptions): Promise<Customer>;
  /** `GET /customers/me/payment_methods`: the active saved cards, the default first; `[]` without a customer. */
  listPaymentMethods(options?: RequestOptions): Promise<PaymentMethod[]>;
  /** `POST /customers/me/payment_methods/:id/detach`: removes a saved card; never retried. */
  detachPaymentMethod(paymentMethodId: string, options?: RequestOptions): Promise<PaymentMethod>;
  /** `POST /customers/me/setup_sessions`: starts Ching's hosted add-card page. */
  createSetupSession(input?: ReturnUrlInput, options?: RequestOptions): Promise<StartedSetupSession>;
  /** `GET /customers/me/setup_sessions/:id`: where a setup session stands. */
  getSetupSession(setupSessionId: string, options?: RequestOptions): Promise<SetupSessionState>;
  /** `GET /customers/me/charges`: the 100 newest charges; `[]` without a customer. */
  listCharges(options?: RequestOptions): Promise<Charge[]>;
  /** `GET /customers/me/documents/:id`: a tax document of one of the person's charges. */
  getDocument(documentId: string, options?: RequestOptions): Promise<BillingDocument>;
  /**
   * `GET /customers/me/documents?ids=…`: several of the person's documents, one request per
   * 25 ids; ids not theirs (or missing) are left out of the answer.
   */
  getDocuments(documentIds: readonly string[], options?: RequestOptions): Promise<BillingDocument[]>;
  /** The URL of a receipt's PDF on the endpoint (it redirects to Ching's), for a real `<a href>`. */
  documentPdfUrl(documentId: string): string;
  /** `POST /customers/me/portal_sessions`: a fresh link into Ching's hosted portal. */
  createPortalSession(input?: ReturnUrlInput, options?: RequestOptions): Promise<StartedPortalSession>;
}

/**
 * A client for the merchant endpoint protocol, for code outside React (the
 * hooks call the request functions directly, so a bundle keeps only those it
 * uses). It is also the `client` the query option factories take, e.g. to
 * prefetch on the server.
 *
 * @example
 * const client = createEndpointClient({ endpoint: "/api/billing" });
 * const me = await client.getMe();
 * await queryClient.prefetchQuery(customerQueryOptions(client));
 */
export function createEndpointClient(options: EndpointClientOptions): EndpointClient {
  const config = createEndpointConfig(options);
  return {
    ...config,
    getMe: (requestOptions) => getMe(config, requestOptions),
    getCreateDefaults: (requestOptions) => getCreateDefaults(config, requestOptions),
    getCustomer: (customerId, requestOptions) => getCustomer(config, customerId, requestOptions),
    listCustomers: (requestOptions) => listCustomers(config, requestOptions),
    createCustomer: (input, requestOptions) => createCustomer(config, input, requestOptions),
    updateMe: (input, requestOptions) => updateMe(config, input, requestOptions),
    updateCustomer: (customerId, input, requestOptions) => updateCustomer(config, customerId, input, requestOptions),
    listPaymentMethods: (requestOptions) => listPaymentMethods(config, requestOptions),
    detachPaymentMethod: (paymentMethodId, requestOptions) => detachPaymentMethod(config, paymentMethodId, requestOptions),
    createSetupSession: (input, requestOptions) => createSetupSession(config, input, requestOptions),
    getSetupSession: (setupSessionId, requestOptions) => getSetupSession(config, setupSessionId, requestOptions),
    listCharges: (requestOptions) => listCharges(config, requestOptions),
    getDocument: (documentId, requestOptions) => getDocument(config, documentId, requestOptions),
    getDocuments: (documentIds, requestOptions) => getDocuments(config, documentIds, requestOptions),
    documentPdfUrl: (documentId) => documentPdfUrl(config, documentId),
    createPortalSession: (input, requestOptions) => createPortalSession(config, input, requestOptions),
  };
}
