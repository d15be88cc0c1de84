"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import type { Locale } from "@/lib/i18n";
import { I18nProvider } from "./i18n/i18n-provider";

export function Providers({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  // One client per browser tab; payments are kept fresh by their event stream, not by refetch timers.
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 5_000 } },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      <I18nProvider locale={locale}>{children}</I18nProvider>
    </QueryClientProvider>
  );
}
