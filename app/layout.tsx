import type { Metadata, Viewport } from "next";
import { getEnv } from "@/lib/server/env";
import { getRequestLocale } from "@/lib/server/locale";
import { translate } from "@/lib/i18n";
import "./globals.css";

export const metadata: Metadata = {
  title: "Malipo",
  description: "Point-of-sale checkout for Tanzanian merchants",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getRequestLocale();
  const { sandbox } = getEnv();
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        {sandbox ? (
          <div
            role="note"
            data-testid="sandbox-ribbon"
            className="bg-warning px-4 py-1 text-center text-sm font-semibold text-white"
          >
            {translate(locale, "app.sandboxRibbon")}
          </div>
        ) : null}
        {children}
      </body>
    </html>
  );
}
