"use client";

import { useQuery } from "@tanstack/react-query";
import { useI18n } from "@/components/i18n/i18n-provider";
import { paymentQueryKey } from "@/components/payment/use-payment-live";
import type { Payment } from "@/lib/api-contract";
import { fiscalReceiptSchema, type FiscalReceipt } from "@/lib/fiscal-receipt";
import { FiscalBlock } from "./fiscal-block";

// The paid screen's fiscal block: once the payment is completed, the receipt is issued within a second or
// two by the fiscal worker; ask until it is there (404 = not yet, or fiscal receipts are off), then keep its
// TRA status fresh while it is still being sent.

async function readFiscal(id: string): Promise<FiscalReceipt | null> {
  const response = await fetch(`/api/payments/${id}/fiscal`, { cache: "no-store" });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`fiscal read answered ${response.status}`);
  return fiscalReceiptSchema.parse(await response.json());
}

export function PaymentFiscal({ initial }: { initial: Payment }) {
  const { t } = useI18n();
  const payment = useQuery<Payment>({
    queryKey: paymentQueryKey(initial.id),
    initialData: initial,
    enabled: false,
  });
  const completed = payment.data?.status === "completed";
  const fiscal = useQuery({
    queryKey: ["payment-fiscal", initial.id],
    queryFn: () => readFiscal(initial.id),
    enabled: completed,
    refetchInterval: (q) => {
      const data = q.state.data;
      if (data === null) return q.state.dataUpdateCount < 30 ? 1_500 : false;
      return data?.status === "pending" ? 5_000 : false;
    },
  });
  if (!completed || fiscal.data === null) return null;
  if (!fiscal.data) {
    return fiscal.isFetching ? (
      <p className="text-sm text-neutral-600 dark:text-neutral-300">{t("fiscal.issuing")}</p>
    ) : null;
  }
  return <FiscalBlock receipt={fiscal.data} />;
}
