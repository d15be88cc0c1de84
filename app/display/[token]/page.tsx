import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CustomerDisplayScreen } from "@/components/display/customer-display-screen";
import { translate } from "@/lib/i18n";
import { resolveCustomerDisplay } from "@/lib/server/auth/customer-displays";
import { getDatabase } from "@/lib/server/db/database";
import { merchantBrand } from "@/lib/server/branding/brand";
import { getRequestLocale } from "@/lib/server/locale";
import { displayState } from "@/lib/server/realtime/display-stream";

export const dynamic = "force-dynamic";

// The customer display's page: opened by scanning the register's QR, no sign-in (the token is the key),
// rendered with the register's current sale so the first paint is already right; the stream keeps it live.
// Headers: the nonce CSP of every page, no-referrer and noindex (next.config.ts).

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getRequestLocale();
  return {
    title: translate(locale, "display.title"),
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

export default async function CustomerDisplayPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { db } = await getDatabase();
  const display = await resolveCustomerDisplay(db, token);
  if (!display) notFound();
  const initial = await displayState(db, display.registerId);
  return (
    <CustomerDisplayScreen
      token={token}
      initial={initial}
      brand={await merchantBrand(db)}
      serverNow={Date.parse(initial.server_time)}
    />
  );
}
