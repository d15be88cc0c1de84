import Link from "next/link";
import { redirect } from "next/navigation";
import { CustomerDisplayButton } from "@/components/pos/customer-display-button";
import { OfflineNotice } from "@/components/pos/offline-notice";
import { SignOutButton } from "@/components/pos/sign-out-button";
import { pageStaff } from "@/lib/server/auth/actor";
import { getRequestLocale } from "@/lib/server/locale";
import { translate } from "@/lib/i18n";

// Every cashier screen needs a person signed in at a register; without one it is the PIN pad.
export default async function PosLayout({ children }: { children: React.ReactNode }) {
  const actor = await pageStaff();
  if (!actor) redirect("/sign-in");
  const locale = await getRequestLocale();
  return (
    <>
      <nav
        aria-label={translate(locale, "nav.main")}
        className="flex flex-wrap items-center gap-x-5 px-4 print:hidden"
      >
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
        <Link
          href="/shift"
          className="min-h-touch inline-flex items-center font-semibold underline-offset-4 hover:underline"
        >
          {translate(locale, "nav.shift")}
        </Link>
        {actor.staff.role !== "cashier" ? (
          <Link
            href="/reports"
            className="min-h-touch inline-flex items-center font-semibold underline-offset-4 hover:underline"
          >
            {translate(locale, "nav.reports")}
          </Link>
        ) : null}
        {actor.staff.role !== "cashier" ? (
          <Link
            href="/admin"
            className="min-h-touch inline-flex items-center font-semibold underline-offset-4 hover:underline"
          >
            {translate(locale, "nav.admin")}
          </Link>
        ) : null}
        <CustomerDisplayButton />
        <span className="flex-1" />
        <span className="text-sm text-ink-muted" data-testid="signed-in-as">
          {translate(locale, "nav.signedInAs", { name: actor.staff.name, register: actor.register.name })}
        </span>
        <SignOutButton />
      </nav>
      <OfflineNotice />
      {children}
    </>
  );
}
