"use client";

import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { ErrorScreen } from "@/components/errors/error-screen";
import {
  DEFAULT_LOCALE,
  formatMessage,
  isLocale,
  LOCALE_COOKIE,
  type Locale,
  type Messages,
} from "@/lib/i18n-base";
import "./globals.css";

// The root layout itself failed, so this page brings its own <html> and finds the language from the
// cookie the language switch sets (Kiswahili when there is none). Its catalogue is fetched only now:
// every other page would otherwise carry both languages for a screen it almost never shows.

function cookieLocale(): Locale {
  const match = new RegExp(`(?:^|; )${LOCALE_COOKIE}=([^;]*)`).exec(document.cookie);
  const value = match?.[1];
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

const noSubscription = () => () => undefined;

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const locale = useSyncExternalStore(noSubscription, cookieLocale, () => DEFAULT_LOCALE);
  const [messages, setMessages] = useState<Messages | null>(null);
  useEffect(() => {
    let current = true;
    void (locale === "sw" ? import("@/messages/sw.json") : import("@/messages/en.json")).then((m) => {
      if (current) setMessages(m.default);
    });
    return () => {
      current = false;
    };
  }, [locale]);
  const t = useMemo(
    () => (messages ? (key: Parameters<typeof formatMessage>[1]) => formatMessage(messages, key) : null),
    [messages],
  );
  return (
    <html lang={locale}>
      <body className="min-h-dvh">{t ? <ErrorScreen t={t} onRetry={reset} /> : null}</body>
    </html>
  );
}
