import type { ReactNode } from "react";
import { BillingPortalProvider as HooksProvider, type BillingPortalProviderProps as HooksProviderProps } from "../react";
import type { Appearance } from "./appearance";

export interface BillingPortalProviderProps extends HooksProviderProps {
  /**
   * Theme and design tokens of the styled components.
   * @example appearance={{ theme: "auto", variables: { "color-primary": "#0f766e" } }}
   */
  appearance?: Appearance;
}

/**
 * Makes the billing portal hooks and components work below it.
 *
 * @example
 * <BillingPortalProvider endpoint="/api/billing">
 *   <CustomerProfile />
 * </BillingPortalProvider>
 */
// The hooks' provider itself, typed with the components' `Appearance`: no wrapper.
export const BillingPortalProvider: (props: BillingPortalProviderProps) => ReactNode = HooksProvider;
