import Link from "next/link";
import { redirect } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { pageStaff } from "@/lib/server/auth/actor";
import { getDatabase } from "@/lib/server/db/database";
import { listPayments, parseListPaymentsQuery } from "@/lib/server/payments/list-payments";
import { historyScope } from "@/lib/server/staff/attribution";
import { getRequestLocale } from "@/lib/server/locale";
import { formatAmount, formatDateTime } from "@/lib/format";
import { translate, type MessageKey } from "@/lib/i18n";
import { PAYMENT_STATUSES } from "@/lib/payment-status";
import { PAYMENT_METHODS } from "@/lib/payment-methods";

export const dynamic = "force-dynamic";

// The register's payments, newest first: where a cashier checks a sale the customer says they paid, and
// where a payment that landed after its window closed shows up. Plain links and a GET form: no script.
export default async function HistoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await pageStaff();
  if (!actor) redirect("/sign-in");
  const locale = await getRequestLocale();
  const t = (key: MessageKey) => translate(locale, key);
  const raw = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);
  const status = (PAYMENT_STATUSES as readonly string[]).includes(one(raw.status) ?? "")
    ? one(raw.status)
    : undefined;
  const method = (PAYMENT_METHODS as readonly string[]).includes(one(raw.method) ?? "")
    ? one(raw.method)
    : undefined;
  const query = new URLSearchParams({ limit: "25" });
  if (status) query.set("status", status);
  if (method) query.set("method", method);
  const cursor = one(raw.cursor);
  if (cursor && cursor.length <= 200) query.set("cursor", cursor);

  const { db } = await getDatabase();
  const scope = historyScope(actor);
  // A cursor that does not decode falls back to the first page.
  const page = await listPayments(db, scope, parseListPaymentsQuery(query)).catch(() =>
    listPayments(db, scope, parseListPaymentsQuery(new URLSearchParams({ limit: "25" }))),
  );
  const older = new URLSearchParams(
    Object.entries({ status, method, cursor: page.next_cursor ?? undefined }).filter(
      (e): e is [string, string] => e[1] !== undefined,
    ),
  );

  return (
    <main id="main" className="mx-auto flex w-full max-w-4xl flex-col gap-4 px-4 py-4">
      <h1 className="text-2xl font-bold">{t("history.title")}</h1>
      <form method="get" className="flex flex-wrap items-end gap-3">
        <SelectField id="status" name="status" label={t("history.status")} defaultValue={status ?? ""}>
          <option value="">{t("history.all")}</option>
          {PAYMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`statusLabel.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id="method" name="method" label={t("history.method")} defaultValue={method ?? ""}>
          <option value="">{t("history.all")}</option>
          {PAYMENT_METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`methods.${m}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className={buttonClass("secondary")}>
          {t("history.apply")}
        </button>
      </form>

      {page.data.length === 0 ? (
        <p className="text-ink-muted">{t("history.empty")}</p>
      ) : (
        <ul className="flex flex-col gap-2" data-testid="history">
          {page.data.map((p) => (
            <li key={p.id}>
              <Link
                href={`/payments/${p.id}`}
                data-status={p.status}
                className="flex min-h-touch flex-wrap items-center justify-between gap-x-4 gap-y-1 rounded-xl bg-surface-raised px-4 py-3 shadow-sm ring-1 ring-ink-muted/20 hover:ring-brand-500"
              >
                <span className="font-semibold">{formatAmount(p.amount, p.currency, locale)}</span>
                <span>{t(`methods.short.${p.method}`)}</span>
                <span className={p.status === "completed" ? "font-semibold text-success" : ""}>
                  {t(`statusLabel.${p.status as (typeof PAYMENT_STATUSES)[number]}`)}
                  {p.paid_after_expiry ? ` · ${t("history.paidLate")}` : ""}
                </span>
                <span className="text-sm text-ink-muted">
                  {formatDateTime(p.created_at, locale)} · {p.reference}
                  {p.staff ? (
                    <>
                      {" · "}
                      <span data-testid="history-cashier">{p.staff.name}</span>
                    </>
                  ) : null}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <div className="flex justify-between">
        {cursor ? (
          <Link href="/history" className={buttonClass("ghost")}>
            {t("history.newest")}
          </Link>
        ) : (
          <span />
        )}
        {page.next_cursor ? (
          <Link href={`/history?${older.toString()}`} className={buttonClass("secondary")}>
            {t("history.older")}
          </Link>
        ) : null}
      </div>
    </main>
  );
}
