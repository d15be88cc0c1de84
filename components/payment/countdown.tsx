"use client";

import { useEffect, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { formatClock, formatTime } from "@/lib/format";

// The payment window, counted from the server's expires_at — never from a client constant, so a reload
// does not restart it. serverNow (the server's clock at render) corrects a tablet whose clock is off.

const LOUD_FROM_MS = 5 * 60_000;

/** Server clock minus this device's clock, measured once when the screen mounts. */
export function useClockOffset(serverNow?: number): number {
  const [offset] = useState(() => (serverNow ? serverNow - Date.now() : 0));
  return offset;
}

function useRemainingMs(expiresAt: string, offset: number): number {
  const [now, setNow] = useState(() => Date.now() + offset);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + offset), 1_000);
    return () => clearInterval(timer);
  }, [offset]);
  return Date.parse(expiresAt) - now;
}

/** True once the deadline has passed: one timer, so the screen around the clock does not re-render each second. */
export function useDeadlinePassed(expiresAt: string, offset: number): boolean {
  const [passed, setPassed] = useState(() => Date.parse(expiresAt) - (Date.now() + offset) <= 0);
  useEffect(() => {
    const wait = Date.parse(expiresAt) - (Date.now() + offset);
    // setTimeout takes at most ~24.8 days; a payment window is minutes long.
    const timer = setTimeout(() => setPassed(true), Math.max(0, Math.min(wait, 2 ** 31 - 1)));
    return () => clearTimeout(timer);
  }, [expiresAt, offset]);
  return passed;
}

export function Countdown({ expiresAt, offset }: { expiresAt: string; offset: number }) {
  const { t, locale } = useI18n();
  const remainingMs = useRemainingMs(expiresAt, offset);
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
