import { redirect } from "next/navigation";
import { ShiftScreen } from "@/components/day/shift-screen";
import { pageStaff } from "@/lib/server/auth/actor";
import { getDatabase } from "@/lib/server/db/database";
import { currentShift, shiftReport } from "@/lib/server/day/shift-service";
import { getRequestLocale } from "@/lib/server/locale";
import { translate } from "@/lib/i18n";

export const dynamic = "force-dynamic";

// The register's shift (docs/ux.md "The merchant's day"): open with a float, close with the cash counted.
export default async function ShiftPage() {
  const actor = await pageStaff();
  if (!actor) redirect("/sign-in");
  const locale = await getRequestLocale();
  const { db } = await getDatabase();
  const open = await currentShift(db, actor.register.id);
  const report = open ? await shiftReport(db, open) : null;
  return (
    <main id="main" className="mx-auto flex w-full max-w-3xl flex-col gap-4 px-4 py-4">
      <h1 className="text-2xl font-bold">{translate(locale, "shift.title")}</h1>
      <ShiftScreen initial={report} />
    </main>
  );
}
