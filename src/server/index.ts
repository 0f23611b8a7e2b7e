/**
 * @ching/billing-portal-react/server: the merchant endpoint that holds the Ching key.
 * No React here, and no Node-only import: it runs wherever `Request` and `Response` do.
 */
export { createBillingPortalHandler, type BillingPortalHandler } from "./handler";
export { toNodeHandler, getNodeRequest, type NodeHandler, type ToNodeHandlerOptions } from "./node";
export {
  createMemoryLock,
  LOCK_ERROR_CODES,
  lockTimeoutError,
  lockUnavailableError,
  type BillingPortalLock,
  type BillingPortalLockAcquireOptions,
  type BillingPortalLockRelease,
} from "./lock";
export {
  createRedisLock,
  DEFAULT_REDIS_LOCK_PREFIX,
  type IORedisLockClient,
  type NodeRedisLockClient,
  type RedisLockClient,
  type RedisLockOptions,
} from "./redisLock";
export { HANDLER_ERROR_CODES, MAX_BODY_BYTES } from "../core/envelope";
export {
  DEFAULT_API_BASE,
  DEFAULT_TIMEOUT_MS,
  type AuthorizeRequest,
  type BillingPortalHandlerOptions,
  type BillingPortalIdentity,
  type ErrorContext,
  type FetchLike,
} from "./options";
export { BillingPortalError, isBillingPortalError, type BillingPortalIssue, type BillingPortalErrorInit } from "../core/error";
export { ERROR_CODES, type BillingPortalErrorCode } from "../core/errorCodes";
export {
  customerSchema,
  createCustomerSchema,
  updateCustomerSchema,
  type Customer,
  type CreateCustomerInput,
  type UpdateCustomerInput,
  type CustomerMetadata,
} from "../core/customer";
// Types, schemas and id checks of saved cards, setup sessions, charges, documents and portal sessions.
export * from "../core/billing";
