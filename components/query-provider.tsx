"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";

// The payment cache of the cashier's payment screen and the shopper's checkout, the only pages that keep a
// live payment (its screen, cancel and refund share it); put around them alone, so the register, sign-in
// and the other pages do not download it. Each page starts from the payment the server rendered.
export function QueryProvider({ children }: { children: React.ReactNode }) {
  // One client per browser tab; payments are kept fresh by their event stream, not by refetch timers.
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 5_000 } },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
