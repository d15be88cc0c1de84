import { redirect } from "next/navigation";
import { PairDevice } from "@/components/pos/pair-device";
import { PasswordSignIn } from "@/components/pos/password-sign-in";
import { PinPad } from "@/components/pos/pin-pad";
import { pagePairing, pageStaff } from "@/lib/server/auth/actor";
import { getDatabase } from "@/lib/server/db/database";
import { getEnv } from "@/lib/server/env";
import { getRequestLocale } from "@/lib/server/locale";
import { pinPadPeople } from "@/lib/server/staff/pin-pad-people";
import { translate } from "@/lib/i18n";

export const dynamic = "force-dynamic";

/** Only our own paths: a `next` that points elsewhere would make sign-in an open redirect. */
function safeNext(value: string | string[] | undefined): string {
  return typeof value === "string" && /^\/(?!\/)[\w\-/]*$/.test(value) ? value : "/register";
}

// A paired register shows its PIN pad; an unpaired device asks for a pairing code. Either way the owner or
// a manager can sign in with a password below.
export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = await searchParams;
  const next = safeNext(raw.next);
  if (await pageStaff()) redirect(next);
  const locale = await getRequestLocale();
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  const pairing = await pagePairing();
  const people = pairing ? await pinPadPeople((await getDatabase()).db) : [];
  const code = typeof raw.pair === "string" ? raw.pair.slice(0, 40) : "";
  return (
    <main id="main" className="mx-auto flex max-w-md flex-col gap-6 px-4 py-8">
      {pairing ? (
        <section className="flex flex-col gap-3" aria-labelledby="who">
          <h1 id="who" className="text-3xl font-bold">
            {t("signIn.title")}
          </h1>
          <p className="text-ink-muted">
            {t("signIn.intro")} <span data-testid="register-name">({pairing.register.name})</span>
          </p>
          <PinPad people={people} next={next} />
        </section>
      ) : (
        <section className="flex flex-col gap-3" aria-labelledby="pair">
          <h1 id="pair" className="text-3xl font-bold">
            {t("signIn.pairTitle")}
          </h1>
          <p className="text-ink-muted">{t("signIn.pairIntro")}</p>
          <PairDevice initialCode={code} sandbox={getEnv().sandbox} />
        </section>
      )}
      <section
        className="flex flex-col gap-2 border-t border-ink-muted/20 pt-4"
        aria-labelledby="password-title"
      >
        <h2 id="password-title" className="text-xl font-semibold">
          {t("signIn.passwordTitle")}
        </h2>
        <p className="text-sm text-ink-muted">{t("signIn.passwordIntro")}</p>
        <PasswordSignIn next={next} />
      </section>
    </main>
  );
}
