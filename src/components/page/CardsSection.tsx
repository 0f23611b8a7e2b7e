import { useCustomerSelect } from "../../react/internal";
import { PaymentMethods } from "../PaymentMethods";

const hasCustomer = (customer: unknown) => customer !== null;

/**
 * The page's saved cards, once the person has a customer: before that there
 * is nothing to list (the profile offers to create one). Its own component, so
 * the customer's data re-renders this section only, never the others. It reads
 * only whether there is a customer: a new name or email re-renders the profile,
 * not the cards.
 */
export function CardsSection({ headingLevel }: { headingLevel: 1 | 2 | 3 | 4 | 5 | 6 }) {
  const customerExists = useCustomerSelect("BillingPage", hasCustomer);
  // PaymentMethods titles start at 2: the page's <h1> is the merchant's.
  return customerExists ? <PaymentMethods headingLevel={headingLevel === 1 ? 2 : headingLevel} /> : null;
}
