"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { LOCALE_COOKIE } from "@/lib/i18n-base";
import { useI18n } from "./i18n-provider";

// One tap switches between Kiswahili and English; the choice is remembered for a year in a cookie the
// server reads, so every later page (and a reload) comes back in the same language.
export function LanguageSwitch() {
  const { locale, t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const next = locale === "sw" ? "en" : "sw";
  return (
    <button
      type="button"
      data-testid="language-switch"
      lang={next}
      aria-label={t("app.languageSwitchLabel")}
      disabled={pending}
      className="min-h-touch rounded-lg border border-current/20 px-3 text-sm font-semibold"
      onClick={() => {
        document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
        startTransition(() => router.refresh());
      }}
    >
      {t("app.languageSwitch")}
    </button>
  );
}
