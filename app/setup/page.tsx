import { eq } from "drizzle-orm";
import { notFound } from "next/navigation";
import { SetupForm } from "@/components/pos/setup-form";
import { getDatabase } from "@/lib/server/db/database";
import { staff } from "@/lib/server/db/schema";
import { getRequestLocale } from "@/lib/server/locale";
import { translate } from "@/lib/i18n";

export const dynamic = "force-dynamic";

// Only while the shop has no owner: afterwards this page does not exist.
export default async function SetupPage() {
  const { db } = await getDatabase();
  const [owner] = await db.select({ id: staff.id }).from(staff).where(eq(staff.role, "owner"));
  if (owner) notFound();
  const locale = await getRequestLocale();
  return (
    <main id="main" className="mx-auto flex max-w-md flex-col gap-4 px-4 py-8">
      <h1 className="text-3xl font-bold">{translate(locale, "setup.title")}</h1>
      <p className="text-ink-muted">{translate(locale, "setup.intro")}</p>
      <SetupForm />
    </main>
  );
}
