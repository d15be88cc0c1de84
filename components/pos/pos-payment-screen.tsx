"use client";

import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { PaymentFiscal } from "@/components/fiscal/payment-fiscal";
import { CreateStatus } from "@/components/payment/create-status";
import { PaymentScreen } from "@/components/payment/payment-screen";
import { providerName } from "@/components/payment/provider-name";
import { useCreatePayment } from "@/components/payment/use-create-payment";
import { paymentQueryKey } from "@/components/payment/use-payment-live";
import type { Payment } from "@/lib/api-contract";
import { isCurrency } from "@/lib/money";
import { providerOf } from "@/lib/payment-methods";
import { isTerminal } from "@/lib/payment-status";
import { clearSaleDraft, loadSaleDraft, saveSaleDraft } from "./sale-draft";

// The cashier's payment screen: the shared pay view, plus what the register does next — a new attempt with
// the same customer (Try again, Send the prompt again, Use QR instead, New QR / card link / TANQR), another
// method, or a new sale.

export function PosPaymentScreen({
  initial,
  merchantName,
  serverNow,
}: {
  initial: Payment;
  merchantName: string;
  serverNow: number;
}) {
  const router = useRouter();
  const onCreated = useCallback((next: Payment) => router.push(`/payments/${next.id}`), [router]);
  const create = useCreatePayment({ url: "/api/payments", onCreated });

  const keepSale = useCallback((payment: Payment) => {
    const draft = loadSaleDraft();
    saveSaleDraft({
      amount: payment.amount,
      currency: isCurrency(payment.currency) ? payment.currency : "TZS",
      // A reference the cashier typed is kept; a generated one is not reused across attempts.
      reference: draft?.reference,
      method: payment.method === "cash" ? undefined : payment.method,
    });
  }, []);

  const client = useQueryClient();
  const newAttempt = (method: Payment["method"] = initial.method) => {
    // Cash is recorded once, with the money in hand: "again" is a new sale.
    if (method === "cash") {
      router.push("/register");
      return;
    }
    const draft = loadSaleDraft();
    const provider = providerOf(method);
    const current = client.getQueryData<Payment>(paymentQueryKey(initial.id)) ?? initial;
    const reference = draft?.reference && draft.amount === initial.amount ? draft.reference : undefined;
    // PayGrid refuses a reference that a live payment holds; replacing an attempt that is still open
    // (Send the prompt again, Use QR instead) numbers the cashier's note: TABLE-7, TABLE-7-2, TABLE-7-3…
    const attempt = (draft?.attempt ?? 1) + 1;
    const numbered =
      reference && !isTerminal(current.status) ? `${reference.slice(0, 60)}-${attempt}` : reference;
    if (draft) saveSaleDraft({ ...draft, attempt });
    create.submit({
      provider,
      method,
      amount: initial.amount,
      currency: initial.currency,
      ...(numbered ? { reference: numbered } : {}),
      phone: initial.phone,
      ...(method === "mobile" && initial.network ? { network: initial.network } : {}),
      // PayGrid cannot cancel the attempt this one replaces; the link lets a late payment of it be traced.
      metadata: { replaces: initial.id },
      // The same customer; the server keeps only the fields the new method takes.
      customer: initial.customer,
    });
  };

  return (
    <PaymentScreen
      key={initial.id}
      initial={initial}
      merchantName={merchantName}
      serverNow={serverNow}
      actions={{
        newAttempt,
        changeMethod: () => {
          keepSale(initial);
          router.push("/register?resume=1");
        },
        newSale: () => {
          clearSaleDraft();
          router.push("/register");
        },
        printable: true,
        busy: create.busy,
      }}
    >
      <CreateStatus
        state={create.state}
        providerName={providerName(initial.provider)}
        onRetry={create.retry}
      />
      <PaymentFiscal initial={initial} />
    </PaymentScreen>
  );
}
