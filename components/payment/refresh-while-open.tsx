"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// The shopper's return page has no live stream (it is public and knows no session): while the payment
// is still being confirmed it asks the server again every few seconds.
export function RefreshWhileOpen({ everyMs = 3_000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}
