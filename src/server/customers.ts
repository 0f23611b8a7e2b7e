import { customerSchema, type Customer } from "../core/customer";
import { HANDLER_ERROR_CODES as CODES, isRecord } from "../core/envelope";
import { customerPath, CUSTOMERS_PATH } from "../core/protocol";
import type { ChingCall } from "./ching";
import type { Gone } from "./departure";
import { problem } from "./http";
import { hasShape } from "./trust";

/**
 * Ching's customers, checked at the trust boundary: an answer of 200 that is
 * not a customer (or a list of them) is a 502, never passed on to the browser.
 * A customer passes as Ching sent it, fields the schema does not know included.
 */

const notACustomer = (what: string) => problem(502, CODES.upstreamInvalidResponse, `Ching answered ${what} without a customer object`);

/** The customer in Ching's answer; `null` for a deleted one. */
export function asCustomer(data: unknown, what = "a customer request"): Customer | null {
  if (isRecord(data) && data.deleted === true && typeof data.id === "string") return null;
  if (!hasShape(customerSchema, data)) throw notACustomer(what);
  return data as Customer;
}

export interface ChingCustomers {
  retrieve(id: string, gone?: Gone): Promise<Customer | null>;
  update(id: string, input: unknown): Promise<Customer | null>;
  create(input: unknown): Promise<Customer>;
  /** `POST /customers/upsert` by email: the newest customer with that email, updated, or a new one. */
  upsertByEmail(input: { email?: string }): Promise<Customer>;
  list(gone?: Gone): Promise<Customer[]>;
  /** The newest of Ching's 100 newest customers whose metadata has `key` = `value`. */
  findByMetadata(key: string, value: string, gone?: Gone): Promise<Customer | null>;
}

export function chingCustomers(ching: ChingCall): ChingCustomers {
  return {
    retrieve: async (id, gone) => asCustomer(await ching("GET", customerPath(id), undefined, gone)),
    update: async (id, input) => asCustomer(await ching("POST", customerPath(id), input)),
    async create(input) {
      const created = asCustomer(await ching("POST", CUSTOMERS_PATH, input), "a create");
      if (!created) throw problem(502, CODES.upstreamInvalidResponse, "Ching answered a create with a deleted customer");
      return created;
    },
    async upsertByEmail(input) {
      const linked = asCustomer(await ching("POST", `${CUSTOMERS_PATH}/upsert`, { identifyBy: "email", ...input }), "an upsert");
      if (!linked) throw problem(502, CODES.upstreamInvalidResponse, "Ching answered an upsert with a deleted customer");
      return linked;
    },
    async findByMetadata(key, value, gone) {
      const list = await this.list(gone);
      return list.find((customer) => customer.metadata[key] === value) ?? null;
    },
    async list(gone) {
      const list = await ching("GET", CUSTOMERS_PATH, undefined, gone);
      if (!Array.isArray(list)) throw problem(502, CODES.upstreamInvalidResponse, "Ching answered the list with something that is not a list");
      for (const item of list) asCustomer(item, "the list");
      return list as Customer[];
    },
  };
}
