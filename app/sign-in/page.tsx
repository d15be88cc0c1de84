import { redirect } from "next/navigation";
import { SignInForm } from "@/components/pos/sign-in-form";
import { currentRegister } from "@/lib/server/auth/current-register";
import { getRequestLocale } from "@/lib/server/locale";
import { translate } from "@/lib/i18n";

export const dynamic = "force-dynamic";

/** Only our own paths: a `next` that points elsewhere would make sign-in an open redirect. */
function safeNext(value: string | string[] | undefined): string {
  return typeof value === "string" && /^\/(?!\/)[\w\-/]*$/.test(value) ? value : "/register";
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = safeNext((await searchParams).next);
  if (await currentRegister()) redirect(next);
  const locale = await getRequestLocale();
  return (
    <main id="main" className="mx-auto flex max-w-sm flex-col gap-4 px-4 py-10">
      <h1 className="text-3xl font-bold">{translate(locale, "signIn.title")}</h1>
      <p className="text-ink-muted">{translate(locale, "signIn.intro")}</p>
      <SignInForm next={next} />
    </main>
  );
}
