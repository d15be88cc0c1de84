"use client";

import { useSyncExternalStore } from "react";
import { ErrorScreen } from "@/components/errors/error-screen";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n";
import "./globals.css";

// The root layout itself failed, so this page brings its own <html> and finds the language from the
// cookie the language switch sets (Kiswahili when there is none).

function cookieLocale(): Locale {
  const match = new RegExp(`(?:^|; )${LOCALE_COOKIE}=([^;]*)`).exec(document.cookie);
  const value = match?.[1];
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

const noSubscription = () => () => undefined;

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const locale = useSyncExternalStore(noSubscription, cookieLocale, () => DEFAULT_LOCALE);
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        <ErrorScreen locale={locale} onRetry={reset} />
      </body>
    </html>
  );
}
