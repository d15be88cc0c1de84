import { redirect } from "next/navigation";
import { SalesReport } from "@/components/day/sales-report";
import { buttonClass } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { pageStaff } from "@/lib/server/auth/actor";
import { listRegisters } from "@/lib/server/auth/register-service";
import { getDatabase } from "@/lib/server/db/database";
import { dayQuerySchema, dayReport } from "@/lib/server/day/day-report";
import { getRequestLocale } from "@/lib/server/locale";
import { eatToday } from "@/lib/eat-day";
import { translate, type MessageKey } from "@/lib/i18n";

export const dynamic = "force-dynamic";

// The owner's day report across registers (docs/ux.md "The merchant's day"), with the CSV download.
// A GET form and a plain download link: works without script and on a phone.
export default async function ReportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await pageStaff();
  if (!actor) redirect("/sign-in?next=/reports");
  if (actor.staff.role === "cashier") redirect("/register");
  const locale = await getRequestLocale();
  const t = (key: MessageKey) => translate(locale, key);
  const raw = await searchParams;
  const parsed = dayQuerySchema.safeParse({
    date: typeof raw.date === "string" && raw.date !== "" ? raw.date : eatToday(),
    register: typeof raw.register === "string" && raw.register !== "" ? raw.register : undefined,
  });
  const query = parsed.success ? parsed.data : { date: eatToday() };
  const { db } = await getDatabase();
  const [report, registers] = await Promise.all([dayReport(db, query), listRegisters(db)]);
  const csv = new URLSearchParams({
    date: query.date,
    ...(query.register ? { register: query.register } : {}),
  });

  return (
    <main id="main" className="mx-auto flex w-full max-w-4xl flex-col gap-4 px-4 py-4">
      <h1 className="text-2xl font-bold">{t("report.dayTitle")}</h1>
      <form method="get" className="flex flex-wrap items-end gap-3 print:hidden">
        <TextField
          id="date"
          name="date"
          type="date"
          label={t("report.date")}
          defaultValue={query.date}
          error={parsed.success ? undefined : t("report.badDate")}
        />
        <SelectField
          id="register"
          name="register"
          label={t("report.register")}
          defaultValue={query.register ?? ""}
        >
          <option value="">{t("report.allRegisters")}</option>
          {registers.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </SelectField>
        <button type="submit" className={buttonClass("secondary")}>
          {t("report.show")}
        </button>
        <a
          href={`/api/reports/day.csv?${csv.toString()}`}
          download
          className={buttonClass("ghost")}
          data-testid="csv"
        >
          {t("report.csv")}
        </a>
      </form>
      <SalesReport report={report} />
    </main>
  );
}
