import { useId } from "react";
import { pageMessages } from "../../core/messages/page";
import { ManageBillingButton } from "../ManageBillingButton";
import { useMessages } from "../useMessages";
import { useRootProps } from "../useRootProps";
import { isolateLtr } from "../utils/isolateLtr";

const NAME = "BillingPage";
const AREAS = [pageMessages] as const;

/** The page's way into the hosted portal, for what the API does not let us embed (subscriptions, every invoice). */
export function ManageSection({ headingLevel }: { headingLevel: 1 | 2 | 3 | 4 | 5 | 6 }) {
  const Title = `h${headingLevel}` as const;
  const strings = useMessages(NAME, AREAS);
  const { messages } = strings;
  const root = useRootProps(NAME, strings, "ching-card", "ching-page__manage");
  const titleId = `ching-manage-${useId()}`;
  return (
    <section {...root} aria-labelledby={titleId}>
      <header className="ching-card__header">
        <Title className="ching-title" id={titleId}>
          {messages["page.manage.title"]}
        </Title>
      </header>
      <p className="ching-page__text">{isolateLtr(messages["page.manage.body"])}</p>
      <ManageBillingButton />
    </section>
  );
}
