"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { Payment } from "@/lib/api-contract";
import { paymentQueryKey } from "./use-payment-live";

/**
 * The payment as the payment screen's live hook (use-payment-live.ts) keeps it in the react-query cache, for
 * views beside that screen (refunds, cancel) that follow it without opening a stream of their own.
 */
export function useCachedPayment(initial: Payment): Payment {
  const client = useQueryClient();
  const { data = initial } = useQuery({
    queryKey: paymentQueryKey(initial.id),
    initialData: initial,
    queryFn: () => client.getQueryData<Payment>(paymentQueryKey(initial.id)) ?? initial,
    enabled: false,
  });
  return data;
}
