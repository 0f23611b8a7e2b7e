import { useCustomer } from "../../react";
import { PaymentMethods } from "../PaymentMethods";

/**
 * The page's saved cards, once the person has a customer: before that there
 * is nothing to list (the profile offers to create one). Its own component, so
 * the customer's data re-renders this section only, never the others.
 */
export function CardsSection({ headingLevel }: { headingLevel: 1 | 2 | 3 | 4 | 5 | 6 }) {
  const { data: customer } = useCustomer();
  // PaymentMethods titles start at 2: the page's <h1> is the merchant's.
  return customer ? <PaymentMethods headingLevel={headingLevel === 1 ? 2 : headingLevel} /> : null;
}
