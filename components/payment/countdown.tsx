"use client";

import { useEffect, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { formatClock, formatTime } from "@/lib/format";

// The payment window, counted from the server's expires_at — never from a client constant, so a reload
// does not restart it. serverNow (the server's clock at render) corrects a tablet whose clock is off.

const LOUD_FROM_MS = 5 * 60_000;

export function useRemainingMs(expiresAt: string, serverNow?: number): number {
  const [offset] = useState(() => (serverNow ? serverNow - Date.now() : 0));
  const [now, setNow] = useState(() => Date.now() + offset);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + offset), 1_000);
    return () => clearInterval(timer);
  }, [offset]);
  return Date.parse(expiresAt) - now;
}

export function Countdown({ expiresAt, remainingMs }: { expiresAt: string; remainingMs: number }) {
  const { t, locale } = useI18n();
  if (remainingMs <= 0) {
    return (
      <p className="font-semibold text-danger" data-testid="countdown" data-state="over">
        {t("pay.timeUp")}
      </p>
    );
  }
  if (remainingMs <= LOUD_FROM_MS) {
    return (
      <p
        role="timer"
        data-testid="countdown"
        data-state="loud"
        className="rounded-lg bg-warning/15 px-3 py-2 text-2xl font-bold tabular-nums text-warning dark:text-amber-300"
      >
        {t("pay.timeLeft", { time: formatClock(remainingMs / 1000) })}
      </p>
    );
  }
  return (
    <p data-testid="countdown" data-state="quiet" className="text-ink-muted">
      {t("pay.validUntil", { time: formatTime(expiresAt, locale) })}
    </p>
  );
}
