import { createCustomerSchema, updateCustomerSchema } from "../../core/customer";
import { isRecord } from "../../core/envelope";
import { validate } from "../../core/validate";
import { EMAIL_EXISTS, emailTaken } from "../customerStore";
import type { ChingContext, RouteDef } from "./context";

const emailExists = ({ reply }: ChingContext) => reply.fail(EMAIL_EXISTS.status, EMAIL_EXISTS.code, EMAIL_EXISTS.message, [...EMAIL_EXISTS.issues]);

function upsert(context: ChingContext, body: unknown): Response {
  const { state, reply } = context;
  const store = state.customers;
  const record = isRecord(body) ? body : {};
  const identifyBy = record.identifyBy;
  if (identifyBy !== "email" && identifyBy !== "taxId" && identifyBy !== "phone") {
    return reply.invalid([{ path: ["identifyBy"], message: "identifyBy must be email, taxId or phone" }]);
  }
  const value = record[identifyBy];
  if (typeof value !== "string" || value.trim() === "") {
    return reply.invalid([{ path: [identifyBy], message: `${identifyBy} is required to identify the customer` }]);
  }
  const fields = { ...record };
  delete fields.identifyBy;
  const match = store.findNewestBy(identifyBy, value.trim());
  if (match) {
    const checked = validate(updateCustomerSchema, fields);
    if (!checked.ok) return reply.invalid(checked.issues);
    if (emailTaken(store, checked.data.email, match.id)) return emailExists(context);
    return reply.ok({ ...store.update(match.id, checked.data), action: "updated" });
  }
  const checked = validate(createCustomerSchema, fields);
  if (!checked.ok) return reply.invalid(checked.issues);
  if (emailTaken(store, checked.data.email)) return emailExists(context);
  return reply.ok({ ...store.create(checked.data), action: "created" });
}

/** Ching's Customers API: create, list, upsert, retrieve (a deleted one answers `{ id, object, deleted }`), patch, soft delete. */
export const customerRoutes: RouteDef[] = [
  {
    route: "GET /customers",
    handle: ({ state, reply }) => reply.ok(state.customers.list(100)),
  },
  {
    route: "POST /customers",
    handle(context, { body }) {
      const { state, reply } = context;
      const checked = validate(createCustomerSchema, body);
      if (!checked.ok) return reply.invalid(checked.issues);
      if (emailTaken(state.customers, checked.data.email)) return emailExists(context);
      return reply.ok(state.customers.create(checked.data));
    },
  },
  {
    route: "POST /customers/upsert",
    handle: (context, { body }) => upsert(context, body),
  },
  {
    route: "GET /customers/:id",
    handle({ state, reply }, { params: [id = ""] }) {
      if (state.customers.isDeleted(id)) return reply.ok({ id, object: "customer", deleted: true });
      const customer = state.customers.get(id);
      return customer ? reply.ok(customer) : reply.notFound("customer");
    },
  },
  {
    route: "POST /customers/:id",
    handle(context, { params: [id = ""], body }) {
      const { state, reply } = context;
      if (!state.customers.get(id)) return reply.notFound("customer");
      const checked = validate(updateCustomerSchema, body);
      if (!checked.ok) return reply.invalid(checked.issues);
      if (emailTaken(state.customers, checked.data.email, id)) return emailExists(context);
      return reply.ok(state.customers.update(id, checked.data));
    },
  },
  {
    route: "DELETE /customers/:id",
    handle({ state, reply }, { params: [id = ""] }) {
      if (state.subscribed.has(id)) {
        return reply.fail(409, "CUSTOMER_HAS_ACTIVE_SUBSCRIPTION", "The customer has an active subscription; cancel it first");
      }
      return state.customers.delete(id) ? reply.ok({ id, object: "customer", deleted: true }) : reply.notFound("customer");
    },
  },
];
