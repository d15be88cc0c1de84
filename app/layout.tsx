import type { Metadata, Viewport } from "next";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { getEnv } from "@/lib/server/env";
import { getRequestLocale } from "@/lib/server/locale";
import { messagesFor, translate } from "@/lib/i18n";
import "./globals.css";

export const metadata: Metadata = {
  title: "Malipo",
  description: "Point-of-sale checkout for Tanzanian merchants",
  // Installable register (public/manifest.webmanifest opens /register full screen).
  manifest: "/manifest.webmanifest",
  icons: { apple: "/apple-touch-icon.png" },
  appleWebApp: { capable: true, title: "Malipo", statusBarStyle: "default" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b6654" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getRequestLocale();
  const { sandbox, merchantName } = getEnv();
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        <I18nProvider locale={locale} messages={messagesFor(locale)}>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
            {translate(locale, "app.skipToContent")}
          </a>
          <header className="print:hidden">
            {sandbox ? (
              <p
                data-testid="sandbox-ribbon"
                className="bg-warning px-4 py-1 text-center text-sm font-semibold text-white"
              >
                {translate(locale, "app.sandboxRibbon")}
              </p>
            ) : null}
            <div className="flex items-center justify-between gap-3 px-4 py-2">
              <p className="truncate font-semibold">
                <span className="text-brand-600 dark:text-brand-100">{translate(locale, "app.name")}</span>
                <span className="text-ink-muted"> · {merchantName}</span>
              </p>
              <LanguageSwitch />
            </div>
          </header>
          {children}
        </I18nProvider>
      </body>
    </html>
  );
}
