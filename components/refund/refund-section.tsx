"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useCachedPayment } from "@/components/payment/use-cached-payment";
import { paymentQueryKey } from "@/components/payment/use-payment-live";
import { Button } from "@/components/ui/button";
import { paymentSchema, type Payment, type Refund } from "@/lib/api-contract";
import { formatAmount, formatDateTime } from "@/lib/format";
import { canRefund } from "./refund-balance";
import { RefundDialog, type Approver } from "./refund-dialog";

// Under a paid payment on the register: the refunds made so far and the Refund action. The payment shown
// above (PaymentScreen) reads the same react-query entry, so its status and amounts follow a refund at once.

export function RefundSection({
  initial,
  initialRefunds,
  approvers,
  needsApproval,
}: {
  initial: Payment;
  initialRefunds: Refund[];
  approvers: Approver[];
  needsApproval: boolean;
}) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const payment = useCachedPayment(initial);
  const [refunds, setRefunds] = useState(initialRefunds);
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  async function refunded(refund: Refund) {
    setOpen(false);
    setRefunds((list) => [...list.filter((r) => r.id !== refund.id), refund]);
    setDone(t("refund.done", { amount: formatAmount(refund.amount, refund.currency, locale) }));
    const response = await fetch(`/api/payments/${initial.id}`, { cache: "no-store" });
    if (response.ok)
      client.setQueryData(paymentQueryKey(initial.id), paymentSchema.parse(await response.json()));
  }

  if (!canRefund(payment) && refunds.length === 0) return null;
  return (
    <section
      aria-labelledby="refunds-title"
      className="mx-auto mt-6 flex w-full max-w-md flex-col gap-3 print:hidden"
      data-testid="refund-section"
    >
      <h2 id="refunds-title" className="text-xl font-bold">
        {t("refund.title")}
      </h2>
      <p role="status" aria-live="polite" className="font-medium text-success" data-testid="refund-done">
        {done ?? ""}
      </p>
      {refunds.length > 0 ? (
        <ul className="flex flex-col" aria-label={t("refund.list")} data-testid="refund-list">
          {refunds.map((r) => (
            <li
              key={r.id}
              className="flex flex-wrap justify-between gap-x-4 border-b border-ink-muted/15 py-1"
            >
              <span className="font-semibold">{formatAmount(r.amount, r.currency, locale)}</span>
              <span>{t(`refund.reasons.${r.reason}`)}</span>
              <span className="text-ink-muted">
                {t(`refund.status.${r.status}`)} ·{" "}
                {r.created_by.name ? t("refund.byWhom", { name: r.created_by.name }) : t("refund.merchant")} ·{" "}
                {formatDateTime(r.created_at, locale)}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {canRefund(payment) ? (
        <Button variant="secondary" onClick={() => setOpen(true)} data-testid="refund-open">
          {t("refund.action")}
        </Button>
      ) : null}
      <RefundDialog
        payment={payment}
        approvers={approvers}
        needsApproval={needsApproval}
        open={open}
        onClose={() => setOpen(false)}
        onRefunded={(refund) => void refunded(refund)}
      />
    </section>
  );
}
