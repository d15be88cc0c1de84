import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { getEnv, type ProviderMode } from "@/lib/server/env";
import { getRequestLocale } from "@/lib/server/locale";
import { translate, type MessageKey } from "@/lib/i18n";

export const dynamic = "force-dynamic";

const modeKey: Record<ProviderMode, MessageKey> = {
  sandbox: "home.providerSandbox",
  live: "home.providerLive",
  off: "home.providerOff",
};

export default async function HomePage() {
  const locale = await getRequestLocale();
  const env = getEnv();
  const t = (key: MessageKey) => translate(locale, key);
  return (
    <main id="main" className="mx-auto flex max-w-xl flex-col gap-6 px-4 py-10">
      <header>
        <h1 className="text-4xl font-bold text-brand-600 dark:text-brand-100">{t("home.title")}</h1>
        <p className="mt-2 text-ink-muted">{t("app.tagline")}</p>
        <p className="mt-1 font-medium">{env.merchantName}</p>
      </header>
      <Link href="/register" className={buttonClass("primary", "text-lg")}>
        {t("home.openRegister")}
      </Link>
      <section aria-labelledby="providers" className="rounded-xl bg-surface-raised p-4 shadow-sm">
        <h2 id="providers" className="font-semibold">
          {t("home.providersTitle")}
        </h2>
        <ul className="mt-2 space-y-1">
          <li>
            PayGrid: <span data-testid="paygrid-mode">{t(modeKey[env.paygrid.mode])}</span>
          </li>
          <li>
            SplashPay: <span data-testid="splashpay-mode">{t(modeKey[env.splashpay.mode])}</span>
          </li>
        </ul>
      </section>
    </main>
  );
}
