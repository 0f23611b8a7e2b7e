/**
 * E.164 as the customer schema (and Ching) takes it: a plus, a country code that does not
 * start with 0, 7 to 15 digits in all. libphonenumber calls some shorter numbers valid
 * (`1000` in Germany is `+491000`), which this refuses.
 */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;
