"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { paymentSchema, type Payment } from "@/lib/api-contract";
import { useCachedPayment } from "./use-cached-payment";
import { paymentQueryKey } from "./use-payment-live";

// Under an open TANQR on the register: withdraw it at SplashPay when the customer walks away, so the code
// on screen can no longer be paid (POST /api/payments/:id/cancel). PayGrid has no cancel: its QR expires.

export function CancelOpenButton({ initial }: { initial: Payment }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const payment = useCachedPayment(initial);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const open = payment.status === "pending" || payment.status === "processing";
  if (payment.provider !== "splashpay" || !open) return null;

  async function cancel() {
    setBusy(true);
    setFailed(false);
    try {
      const response = await fetch(`/api/payments/${initial.id}/cancel`, { method: "POST" });
      if (!response.ok) throw new Error(`cancel answered ${response.status}`);
      client.setQueryData(paymentQueryKey(initial.id), paymentSchema.parse(await response.json()));
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="mx-auto mt-4 flex w-full max-w-md flex-col gap-2 print:hidden">
      <Button variant="secondary" onClick={() => void cancel()} disabled={busy} data-testid="cancel-open">
        {t("cancelOpen.action")}
      </Button>
      <p className="text-sm text-ink-muted">{t("cancelOpen.hint")}</p>
      {failed ? (
        <p role="alert" className="font-medium text-danger">
          {t("cancelOpen.failed")}
        </p>
      ) : null}
    </div>
  );
}
