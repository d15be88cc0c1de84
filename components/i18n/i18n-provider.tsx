"use client";

import { createContext, useContext, useMemo } from "react";
import { formatMessage, type Locale, type MessageKey, type Messages } from "@/lib/i18n-base";

// The language is chosen on the server (cookie, else the browser's Accept-Language) and handed down with
// that language's catalogue, so the first paint is already in the right language, client components
// translate the same way, and the browser never downloads the other language.

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18n {
  locale: Locale;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({
  locale,
  messages,
  children,
}: {
  locale: Locale;
  messages: Messages;
  children: React.ReactNode;
}) {
  const value = useMemo<I18n>(
    () => ({ locale, t: (key, vars) => formatMessage(messages, key, vars) }),
    [locale, messages],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n needs an <I18nProvider> above it");
  return value;
}
