import { createCustomerSchema, updateCustomerSchema, type Customer, type CustomerMetadata } from "../core/customer";
import { HANDLER_ERROR_CODES as CODES, isRecord } from "../core/envelope";
import { keepBrowserMetadata } from "../core/metadata";
import type { RouteName } from "../core/protocol";
import { validate, type SafeParser } from "../core/validate";
import type { BillingRouteName } from "./billing";
import { USER_MARKER_KEY, userIdOf, type CreateOnce } from "./createOnce";
import type { ChingCustomers } from "./customers";
import type { Gone } from "./departure";
import { problem } from "./http";
import type { AuthorizeRequest, BillingPortalIdentity } from "./options";

/**
 * What each route of the protocol does once every check before it passed
 * (guards.ts) and the person is identified: one function per route, answering
 * the envelope's `data` or throwing a `BillingPortalError`.
 */

export interface OperationContext {
  request: Request;
  /** Tells when the browser left: Ching calls made for it stop then. */
  gone: Gone;
  /** The origin the request was made to (the site's own). */
  origin: string;
  identity: BillingPortalIdentity;
  params: Record<string, string>;
  /** The documents `GET /customers/me/documents?ids=…` names, checked and each once; `[]` for every other route. */
  documentIds: readonly string[];
  /** The parsed JSON body of a POST. */
  body: unknown;
}

/** Answers the envelope's `data`, or a whole `Response` (a redirect). */
export type Operation = (context: OperationContext) => Promise<unknown>;

export interface OperationDependencies {
  customers: ChingCustomers;
  createOnce: CreateOnce;
  metadataKeys: ReadonlySet<string>;
  authorize?: (request: AuthorizeRequest) => boolean | Promise<boolean>;
}

export const noCustomerYet = () => problem(404, CODES.notFound, "You have no customer yet");
const noSuchCustomer = () => problem(404, CODES.notFound, "No such customer");

export function check<T>(schema: SafeParser<T>, value: unknown): T {
  const result = validate(schema, value);
  if (!result.ok) throw problem(400, CODES.invalidField, "Some fields are invalid", result.issues);
  return result.data;
}

/** Keeps only `metadataKeys` of the browser's metadata, then lays the server's metadata over it. */
export function prepareBody(
  body: unknown,
  metadataKeys: ReadonlySet<string>,
  serverMetadata: CustomerMetadata | undefined,
  mergeAlways: boolean,
): unknown {
  if (!isRecord(body)) return body;
  const next = keepBrowserMetadata(body, metadataKeys);
  const server = serverMetadata && Object.keys(serverMetadata).length > 0 ? serverMetadata : undefined;
  if (server && (mergeAlways || next.metadata !== undefined)) {
    next.metadata = { ...(isRecord(next.metadata) ? next.metadata : {}), ...server };
  }
  return next;
}

export type CustomerRouteName = Exclude<RouteName, BillingRouteName>;

export function createOperations(deps: OperationDependencies): Record<CustomerRouteName, Operation> {
  const { customers, metadataKeys } = deps;

  async function allowed(action: AuthorizeRequest["action"], customerId: string | null, { request, identity }: OperationContext) {
    if (!deps.authorize) return false;
    return (await deps.authorize({ action, customerId, request, identity })) === true;
  }

  const updateInput = (body: unknown, serverMetadata: CustomerMetadata | undefined) =>
    check(updateCustomerSchema, prepareBody(body, metadataKeys, serverMetadata, false));
  /** The server's metadata of one's own customer: the identity's, and the user marker, kept by every update that sends metadata. */
  const ownMetadata = (identity: BillingPortalIdentity): CustomerMetadata => {
    const userId = userIdOf(identity);
    return userId === undefined ? { ...identity.metadata } : { ...identity.metadata, [USER_MARKER_KEY]: userId };
  };

  const found = (customer: Customer | null, missing: () => Error): Customer => {
    if (!customer) throw missing();
    return customer;
  };

  /** Someone else's customer looks exactly like one that does not exist, and Ching is not asked. */
  async function reachable(action: "read" | "update", context: OperationContext): Promise<string> {
    const id = context.params.customerId!;
    if (id !== context.identity.customerId && !(await allowed(action, id, context))) throw noSuchCustomer();
    return id;
  }

  return {
    // No customer yet is a state, answered 200 `null` (a 404 would be an error in every console).
    async getMe({ identity, gone }) {
      if (!identity.customerId) return null;
      try {
        return await customers.retrieve(identity.customerId, gone);
      } catch (error) {
        // The stored id is gone at Ching: the person has no customer now, and a create makes one.
        if ((error as { status?: number }).status === 404) return null;
        throw error;
      }
    },
    async updateMe({ identity, body }) {
      if (!identity.customerId) throw noCustomerYet();
      return found(await customers.update(identity.customerId, updateInput(body, ownMetadata(identity))), noSuchCustomer);
    },
    createCustomer: ({ identity, body, request }) => deps.createOnce(identity, body, request),
    // What a create would fill in: the form shows it, so nobody meets EMAIL_EXISTS under an empty field.
    getCreateDefaults: async ({ identity }) => ({ name: identity.name ?? null, email: identity.email ?? null }),
    async listCustomers(context) {
      if (!(await allowed("list", null, context))) throw problem(403, CODES.forbidden, "Listing customers is not allowed");
      return customers.list(context.gone);
    },
    async getCustomer(context) {
      const id = await reachable("read", context);
      return found(await customers.retrieve(id, context.gone), noSuchCustomer);
    },
    async updateCustomer(context) {
      const id = await reachable("update", context);
      const input = updateInput(context.body, id === context.identity.customerId ? ownMetadata(context.identity) : undefined);
      return found(await customers.update(id, input), noSuchCustomer);
    },
  };
}

/**
 * The create input: the browser's body over the identity's name and email,
 * metadata rules applied, the user marker laid over everything, checked.
 */
export function createInput(identity: BillingPortalIdentity, body: unknown, metadataKeys: ReadonlySet<string>, userId: string) {
  if (userId.length > 500) {
    throw problem(500, CODES.misconfigured, "identify() returned a userId of more than 500 characters, which Ching's metadata cannot hold");
  }
  const serverMetadata = { ...identity.metadata, [USER_MARKER_KEY]: userId };
  return check(
    createCustomerSchema,
    prepareBody(isRecord(body) ? { name: identity.name, email: identity.email, ...body } : body, metadataKeys, serverMetadata, true),
  );
}
