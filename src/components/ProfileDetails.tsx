import type { ReactNode } from "react";
import type { Customer, Locale } from "../core/customer";
import { isLocale } from "../core/locale";
import type { AreaStrings } from "../core/messages";
import type { profileMessages } from "../core/messages/profile";
import { formatDate } from "./utils/formatDate";
import { usePhoneDisplay } from "./utils/phoneDisplay";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="ching-details__row">
      <dt className="ching-details__label">{label}</dt>
      <dd className="ching-details__value">{children}</dd>
    </div>
  );
}

/**
 * Left-to-right text (an email, a phone number, a tax id) isolated inside
 * right-to-left text, so `+972 50 123 4567` never reads `4567 123 50 972+`.
 */
function Ltr({ children }: { children: string }) {
  return <bdi dir="ltr">{children}</bdi>;
}

/**
 * An email address that, when it must wrap, wraps before the `@` and after
 * the dots of its domain (`<wbr>`), never in the middle of a word.
 */
function breakableEmail(email: string): ReactNode[] {
  return email.split(/(?=@)|(?<=\.)/).flatMap((part, index) => (index === 0 ? [part] : [<wbr key={index} />, part]));
}

/** The customer's fields as a description list. Internal to `CustomerProfile`. */
export function ProfileDetails({ customer, locale, messages }: { customer: Customer; locale: Locale; messages: AreaStrings<typeof profileMessages> }) {
  const phone = usePhoneDisplay(customer.phone, locale);
  const empty = <span className="ching-muted">{messages["profile.empty"]}</span>;
  return (
    <dl className="ching-details">
      <Row label={messages["profile.name"]}>
        <bdi>{customer.name}</bdi>
      </Row>
      <Row label={messages["profile.email"]}>
        {customer.email ? (
          <bdi dir="ltr" className="ching-email">
            {breakableEmail(customer.email)}
          </bdi>
        ) : (
          empty
        )}
      </Row>
      <Row label={messages["profile.phone"]}>{phone ? <Ltr>{phone}</Ltr> : empty}</Row>
      <Row label={messages["profile.locale"]}>
        {isLocale(customer.locale) ? messages[`locale.${customer.locale}`] : <Ltr>{customer.locale}</Ltr>}
      </Row>
      <Row label={messages["profile.taxId"]}>{customer.taxId ? <Ltr>{customer.taxId}</Ltr> : empty}</Row>
      <Row label={messages["profile.created"]}>
        <time dateTime={customer.created}>{formatDate(customer.created, locale)}</time>
      </Row>
    </dl>
  );
}

const SKELETON_ROWS = 6;

/** Placeholder rows while the customer loads; hidden from assistive technology (a status says it instead). */
export function ProfileSkeleton() {
  return (
    <div className="ching-details" aria-hidden="true">
      {Array.from({ length: SKELETON_ROWS }, (_, index) => (
        <div key={index} className="ching-details__row">
          <span className="ching-skeleton ching-skeleton--label" />
          <span className="ching-skeleton ching-skeleton--value" />
        </div>
      ))}
    </div>
  );
}
