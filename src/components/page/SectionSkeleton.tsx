import type { AreaStrings } from "../../core/messages";
import type { pageMessages } from "../../core/messages/page";

/** What a section shows while its code loads: a card of grey lines, and a status text for screen readers. */
export function SectionSkeleton({ messages }: { messages: AreaStrings<typeof pageMessages> }) {
  return (
    <div className="ching-card ching-page__placeholder" aria-busy="true">
      <span className="ching-skeleton" aria-hidden="true" />
      <span className="ching-skeleton ching-skeleton--value" aria-hidden="true" />
      <span className="ching-skeleton ching-skeleton--value" aria-hidden="true" />
      <p className="ching-visually-hidden" role="status">
        {messages["page.loading"]}
      </p>
    </div>
  );
}
