"use client";

import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import { translate, type Locale } from "@/lib/i18n";
import { MessageScreen } from "./message-screen";

// What a cashier or shopper sees when a page fails: what happened in plain words and what to do next.
// Translated from the locale it is given, since global-error renders without the app's providers.
export function ErrorScreen({ locale, onRetry }: { locale: Locale; onRetry: () => void }) {
  return (
    <MessageScreen
      title={translate(locale, "errors.errorTitle")}
      text={translate(locale, "errors.errorText")}
      testId="error-page"
    >
      <Button onClick={onRetry} data-testid="error-retry">
        {translate(locale, "errors.tryAgain")}
      </Button>
      <Link href="/" className={buttonClass("secondary")}>
        {translate(locale, "errors.backHome")}
      </Link>
    </MessageScreen>
  );
}
