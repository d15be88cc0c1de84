"use client";

import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import type { Translate } from "@/components/i18n/i18n-provider";
import { MessageScreen } from "./message-screen";

// What a cashier or shopper sees when a page fails: what happened in plain words and what to do next.
// Translated with the `t` it is given, since global-error renders without the app's providers.
export function ErrorScreen({ t, onRetry }: { t: Translate; onRetry: () => void }) {
  return (
    <MessageScreen title={t("errors.errorTitle")} text={t("errors.errorText")} testId="error-page">
      <Button onClick={onRetry} data-testid="error-retry">
        {t("errors.tryAgain")}
      </Button>
      <Link href="/" className={buttonClass("secondary")}>
        {t("errors.backHome")}
      </Link>
    </MessageScreen>
  );
}
