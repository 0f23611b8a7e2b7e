import { cardsMessages } from "./cards";
import { cardsListMessages } from "./cardsList";
import { cardsRemoveMessages } from "./cardsRemove";
import { cardsReturnMessages } from "./cardsReturn";
import { dialogMessages } from "./dialog";
import type { Messages } from "./en";
import { formMessages } from "./form";
import { historyMessages } from "./history";
import { pageMessages } from "./page";
import { portalMessages } from "./portal";
import { profileMessages } from "./profile";
import { closeMessages, loadingMessages, savedMessages } from "./shared";

/** Hebrew strings (the default locale), gathered from the areas' files as `en` is. */
export const he: Messages = {
  ...loadingMessages.he,
  ...savedMessages.he,
  ...closeMessages.he,
  ...profileMessages.he,
  ...formMessages.he,
  ...dialogMessages.he,
  ...cardsMessages.he,
  ...cardsListMessages.he,
  ...cardsRemoveMessages.he,
  ...cardsReturnMessages.he,
  ...historyMessages.he,
  ...portalMessages.he,
  ...pageMessages.he,
};
