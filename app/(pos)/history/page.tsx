import Link from "next/link";
import { redirect } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { pageStaff } from "@/lib/server/auth/actor";
import { getDatabase } from "@/lib/server/db/database";
import {
  listPayments,
  listPaymentsQuerySchema,
  parseListPaymentsQuery,
} from "@/lib/server/payments/list-payments";
import { historyScope } from "@/lib/server/staff/attribution";
import { getRequestLocale } from "@/lib/server/locale";
import { formatAmount, formatDateTime } from "@/lib/format";
import { translate, type MessageKey } from "@/lib/i18n";
import { PAYMENT_STATUSES } from "@/lib/payment-status";
import { SALE_METHODS } from "@/lib/payment-methods";
import { CHANNELS } from "@/lib/payment-channel";
import { listRegisters } from "@/lib/server/auth/register-service";
import { listStaff } from "@/lib/server/staff/staff-service";

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
  const method = (SALE_METHODS as readonly string[]).includes(one(raw.method) ?? "")
    ? one(raw.method)
    : undefined;
  const channel = (CHANNELS as readonly string[]).includes(one(raw.channel) ?? "")
    ? one(raw.channel)
    : undefined;
  const manager = actor.staff.role !== "cashier";
  // Free text and dates go to the same parser as the API; a value it refuses is dropped, not an error page.
  const filters: Record<string, string | undefined> = {
    status,
    method,
    channel,
    q: one(raw.q)?.slice(0, 64),
    from: one(raw.from),
    to: one(raw.to),
    staff: manager ? one(raw.staff)?.slice(0, 60) : undefined,
    register: manager ? one(raw.register)?.slice(0, 60) : undefined,
  };
  for (const [k, v] of Object.entries(filters)) {
    if (v !== undefined && !listPaymentsQuerySchema.shape[k as "q"].safeParse(v).success)
      filters[k] = undefined;
  }
  const query = new URLSearchParams({ limit: "25" });
  for (const [k, v] of Object.entries(filters)) if (v) query.set(k, v);
  const cursor = one(raw.cursor);
  if (cursor && cursor.length <= 200) query.set("cursor", cursor);

  const { db } = await getDatabase();
  const scope = historyScope(actor);
  // A cursor that does not decode falls back to the first page.
  const page = await listPayments(db, scope, parseListPaymentsQuery(query)).catch(() =>
    listPayments(db, scope, parseListPaymentsQuery(new URLSearchParams({ limit: "25" }))),
  );
  const [people, tills] = manager ? await Promise.all([listStaff(db), listRegisters(db)]) : [[], []];
  const older = new URLSearchParams(
    Object.entries({ ...filters, cursor: page.next_cursor ?? undefined }).filter(
      (e): e is [string, string] => e[1] !== undefined,
    ),
  );

  return (
    <main id="main" className="mx-auto flex w-full max-w-4xl flex-col gap-4 px-4 py-4">
      <h1 className="text-2xl font-bold">{t("history.title")}</h1>
      <form method="get" className="flex flex-wrap items-end gap-3" role="search">
        <TextField
          id="q"
          name="q"
          type="search"
          label={t("history.search")}
          hint={t("history.searchHint")}
          maxLength={64}
          defaultValue={filters.q ?? ""}
        />
        <TextField
          id="from"
          name="from"
          type="date"
          label={t("history.from")}
          defaultValue={filters.from ?? ""}
        />
        <TextField id="to" name="to" type="date" label={t("history.to")} defaultValue={filters.to ?? ""} />
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
          {SALE_METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`methods.${m}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id="channel" name="channel" label={t("history.channel")} defaultValue={channel ?? ""}>
          <option value="">{t("history.all")}</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`channels.${c}`)}
            </option>
          ))}
        </SelectField>
        {manager ? (
          <>
            <SelectField
              id="staff"
              name="staff"
              label={t("history.cashier")}
              defaultValue={filters.staff ?? ""}
            >
              <option value="">{t("history.all")}</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="register"
              name="register"
              label={t("history.register")}
              defaultValue={filters.register ?? ""}
            >
              <option value="">{t("history.all")}</option>
              {tills.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </SelectField>
          </>
        ) : null}
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
                <span>{t(`channels.${p.channel}`)}</span>
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
