"use client";

import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { ZReport } from "@/lib/day-contract";
import { formatAmount, formatDateTime } from "@/lib/format";
import { SalesReport } from "./sales-report";

// The register's shift: open it with the float, read the report so far, close it with the cash counted,
// then read (and print, 80 mm) the frozen Z report. Shifts are optional, so "none open" is a normal state.

type Phase = { kind: "none" } | { kind: "open"; report: ZReport } | { kind: "closed"; report: ZReport };

export function ShiftScreen({ initial }: { initial: ZReport | null }) {
  const { t, locale } = useI18n();
  const [phase, setPhase] = useState<Phase>(initial ? { kind: "open", report: initial } : { kind: "none" });
  const [amount, setAmount] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(url: string, body: unknown, next: "open" | "closed") {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      const json = (await response.json().catch(() => null)) as
        (ZReport & { error?: undefined }) | { error: { code: string } } | null;
      if (response.ok && json && !json.error) {
        setPhase({ kind: next, report: json as ZReport });
        setAmount("");
        return;
      }
      const code = json && json.error ? json.error.code : "";
      setError(
        code === "SHIFT_ALREADY_OPEN"
          ? t("shift.alreadyOpen")
          : code === "SHIFT_CLOSED"
            ? t("shift.alreadyClosed")
            : t("shift.failed"),
      );
    } catch {
      setError(t("shift.failed"));
    } finally {
      setBusy(false);
    }
  }

  const form = (label: string, hint: string | undefined, submit: string, onSubmit: () => void) => (
    <form
      className="flex max-w-md flex-col gap-3 print:hidden"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <TextField
        id="shift-amount"
        label={label}
        hint={hint}
        inputMode="decimal"
        autoComplete="off"
        required
        value={amount}
        error={error ?? undefined}
        onChange={(e) => setAmount(e.target.value)}
      />
      <Button type="submit" disabled={busy || amount.trim() === ""} data-testid="shift-submit">
        {busy ? t("shift.working") : submit}
      </Button>
    </form>
  );

  if (phase.kind === "none") {
    return (
      <div className="flex flex-col gap-4">
        <p data-testid="shift-none">{t("shift.none")}</p>
        {form(t("shift.float"), undefined, t("shift.open"), () =>
          send("/api/shifts", { opening_float: amount.trim() }, "open"),
        )}
      </div>
    );
  }

  const { report } = phase;
  const shift = report.shift;
  return (
    <div className="z-report flex flex-col gap-4">
      {phase.kind === "open" ? (
        <>
          <p data-testid="shift-open">
            {t("shift.openSince", {
              time: formatDateTime(shift.opened_at, locale),
              name: shift.opened_by.name ?? "",
            })}{" "}
            · {t("report.openingFloat")}: {formatAmount(shift.opening_float, shift.currency, locale)}
          </p>
          {form(t("shift.counted"), t("shift.countedHint"), t("shift.close"), () =>
            send(`/api/shifts/${shift.id}/close`, { counted_cash: amount.trim() }, "closed"),
          )}
        </>
      ) : (
        <p className="font-semibold" role="status" data-testid="shift-closed">
          {t("shift.closed", {
            time: formatDateTime(shift.closed_at ?? report.generated_at, locale),
            name: shift.closed_by?.name ?? "",
          })}
        </p>
      )}
      <h2 className="text-xl font-bold">
        {t("report.zTitle")} · {shift.register_name ?? shift.register_id}
      </h2>
      <SalesReport report={report} />
      {phase.kind === "closed" ? (
        <div className="flex flex-wrap gap-3 print:hidden">
          <Button onClick={() => window.print()} data-testid="print-z">
            {t("report.print")}
          </Button>
          <Button variant="secondary" onClick={() => setPhase({ kind: "none" })}>
            {t("shift.newShift")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
