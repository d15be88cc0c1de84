"use client";

import { useMemo } from "react";
import { useI18n, type Translate } from "@/components/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n-base";

/** Who reads the screen: the cashier at the till (the default) or the shopper on their own phone. */
export type Audience = "cashier" | "shopper";

// The shopper reads the same screen in the second person: there is no "customer" to ask for anything.
const SHOPPER_WORDS: Partial<Record<MessageKey, MessageKey>> = {
  "pay.status.pending": "checkout.pay.pending",
  "pay.status.processing": "checkout.pay.processing",
  "pay.mobilePrompt": "checkout.pay.mobilePrompt",
  "pay.mobileNoPin": "checkout.pay.mobileNoPin",
  "pay.cardIntro": "checkout.pay.cardIntro",
  "pay.qrMismatch": "checkout.pay.qrMismatch",
  "outcome.completedTitle": "checkout.completedTitle",
  "outcome.expiredNote": "checkout.pay.expiredNote",
  "outcome.declinedReason": "checkout.pay.declinedReason",
  "outcome.cancelledReason": "checkout.pay.cancelledReason",
  // The shopper never saw a "card link": they opened the payment page, and simply try again.
  "outcome.expiredTitle.card": "checkout.pay.expiredCard",
  "methods.again.card": "outcome.tryAgain",
};

export function useAudienceI18n(audience: Audience) {
  const { t, locale } = useI18n();
  const say = useMemo<Translate>(
    () => (audience === "shopper" ? (key, vars) => t(SHOPPER_WORDS[key] ?? key, vars) : t),
    [audience, t],
  );
  return { t: say, locale };
}
