import Link from "next/link";
import { redirect } from "next/navigation";
import { OfflineNotice } from "@/components/pos/offline-notice";
import { SignOutButton } from "@/components/pos/sign-out-button";
import { currentRegister } from "@/lib/server/auth/current-register";
import { getRequestLocale } from "@/lib/server/locale";
import { translate } from "@/lib/i18n";

// Every cashier screen needs a register session; without one the cashier is sent to sign in.
export default async function PosLayout({ children }: { children: React.ReactNode }) {
  if (!(await currentRegister())) redirect("/sign-in");
  const locale = await getRequestLocale();
  return (
    <>
      <nav aria-label={translate(locale, "nav.main")} className="flex items-center gap-5 px-4 print:hidden">
        <Link
          href="/register"
          className="min-h-touch inline-flex items-center font-semibold underline-offset-4 hover:underline"
        >
          {translate(locale, "nav.register")}
        </Link>
        <Link
          href="/history"
          className="min-h-touch inline-flex items-center font-semibold underline-offset-4 hover:underline"
        >
          {translate(locale, "nav.history")}
        </Link>
        <span className="flex-1" />
        <SignOutButton />
      </nav>
      <OfflineNotice />
      {children}
    </>
  );
}
