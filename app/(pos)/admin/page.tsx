import { redirect } from "next/navigation";
import { BrandingSection } from "@/components/admin/branding-section";
import { CustomerDisplaysSection } from "@/components/admin/customer-displays-section";
import { FiscalSection } from "@/components/admin/fiscal-section";
import { RegistersSection } from "@/components/admin/registers-section";
import { SessionsSection } from "@/components/admin/sessions-section";
import { StaffSection } from "@/components/admin/staff-section";
import { pageStaff } from "@/lib/server/auth/actor";
import { listOpenSessions } from "@/lib/server/auth/sessions";
import { customerDisplayJson, listCustomerDisplays } from "@/lib/server/auth/customer-displays";
import { merchantBrand } from "@/lib/server/branding/brand";
import { logoVersion } from "@/lib/server/branding/logo-store";
import { getDatabase } from "@/lib/server/db/database";
import { getEnv } from "@/lib/server/env";
import { fiscalOverview } from "@/lib/server/fiscal/fiscal-status";
import { getRequestLocale } from "@/lib/server/locale";
import { listRegisters, registerJson } from "@/lib/server/auth/register-service";
import { listStaff, staffJson } from "@/lib/server/staff/staff-service";
import { translate } from "@/lib/i18n";

export const dynamic = "force-dynamic";

// The back office (owner and managers): staff, registers, open sessions, customer displays, the shop's
// logo and colour, and fiscal receipts, on one phone-sized page.
export default async function AdminPage() {
  const actor = await pageStaff();
  if (!actor) redirect("/sign-in?next=/admin");
  if (actor.staff.role === "cashier") redirect("/register");
  const locale = await getRequestLocale();
  const { db } = await getDatabase();
  const fiscalOn = getEnv().vfd.mode !== "off";
  const [people, registers, sessions, displays, fiscal, brand, uploaded] = await Promise.all([
    listStaff(db),
    listRegisters(db),
    listOpenSessions(db),
    listCustomerDisplays(db),
    fiscalOn ? fiscalOverview(db) : null,
    merchantBrand(db),
    logoVersion(db),
  ]);
  return (
    <main id="main" className="mx-auto flex w-full max-w-3xl flex-col gap-8 px-4 py-4">
      <h1 className="text-2xl font-bold">{translate(locale, "admin.title")}</h1>
      <StaffSection people={people.map(staffJson)} canManageManagers={actor.staff.role === "owner"} />
      <RegistersSection registers={registers.map(registerJson)} />
      <SessionsSection sessions={sessions} own={actor.sessionId} />
      <CustomerDisplaysSection displays={displays.map(customerDisplayJson)} />
      <BrandingSection
        overview={{ logoUrl: brand.logoUrl, uploaded: uploaded !== null, color: brand.color }}
        isOwner={actor.staff.role === "owner"}
      />
      {fiscal ? <FiscalSection overview={fiscal} isOwner={actor.staff.role === "owner"} /> : null}
    </main>
  );
}
