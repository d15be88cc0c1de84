"use client";

import { useEffect, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { countdownMark, remainingFraction, type CountdownMark } from "@/lib/countdown-marks";
import { formatClock, formatTime } from "@/lib/format";
import type { MessageKey } from "@/lib/i18n-base";

// The payment window, counted from the server's expires_at — never from a client constant, so a reload
// does not restart it. serverNow (the server's clock at render) corrects a tablet whose clock is off.
// From the first second it ticks mm:ss beside a ring that drains and the clock time it ends at; in the
// last five minutes it grows and turns amber (docs/ux: a quiet clock time alone is not a countdown).

const LOUD_FROM_MS = 5 * 60_000;
const RING_RADIUS = 26;
const RING_LENGTH = 2 * Math.PI * RING_RADIUS;

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

function markText(mark: CountdownMark | null, t: (key: MessageKey, vars?: Record<string, number>) => string) {
  if (!mark) return "";
  if (mark.unit === "seconds") return t("pay.secondsLeft", { count: mark.value });
  return mark.value === 1 ? t("pay.oneMinuteLeft") : t("pay.minutesLeft", { count: mark.value });
}

function Ring({ fraction, loud }: { fraction: number; loud: boolean }) {
  const size = loud ? 72 : 60;
  return (
    <svg width={size} height={size} viewBox="0 0 60 60" aria-hidden="true" className="shrink-0 -rotate-90">
      <circle cx="30" cy="30" r={RING_RADIUS} fill="none" strokeWidth="6" className="stroke-ink-muted/20" />
      <circle
        cx="30"
        cy="30"
        r={RING_RADIUS}
        fill="none"
        strokeWidth="6"
        strokeLinecap="round"
        strokeDasharray={RING_LENGTH}
        strokeDashoffset={RING_LENGTH * (1 - fraction)}
        className={`transition-[stroke-dashoffset] duration-1000 ease-linear ${loud ? "stroke-warning" : "stroke-brand-500"}`}
        data-testid="countdown-ring"
        data-fraction={fraction.toFixed(3)}
        suppressHydrationWarning
      />
    </svg>
  );
}

export function Countdown({
  expiresAt,
  startedAt,
  offset,
}: {
  expiresAt: string;
  /** When the window opened (the payment's created_at): the ring drains over expiresAt − startedAt. */
  startedAt?: string;
  offset: number;
}) {
  const { t, locale } = useI18n();
  const remainingMs = useRemainingMs(expiresAt, offset);
  if (remainingMs <= 0) {
    return (
      <p className="font-semibold text-danger" data-testid="countdown" data-state="over">
        {t("pay.timeUp")}
      </p>
    );
  }
  const loud = remainingMs <= LOUD_FROM_MS;
  const totalMs = startedAt ? Date.parse(expiresAt) - Date.parse(startedAt) : Number.NaN;
  const fraction = remainingFraction(remainingMs, totalMs);
  return (
    <div
      data-testid="countdown"
      data-state={loud ? "loud" : "quiet"}
      className={`flex items-center gap-3 rounded-xl px-4 py-2 ${loud ? "bg-warning/15" : ""}`}
    >
      <Ring fraction={fraction} loud={loud} />
      <div className="flex flex-col items-start text-left">
        <span
          role="timer"
          aria-label={t("pay.countdownLabel")}
          data-testid="countdown-clock"
          className={`font-bold tabular-nums ${loud ? "text-4xl text-warning dark:text-amber-300" : "text-3xl"}`}
          suppressHydrationWarning
        >
          {formatClock(remainingMs / 1000)}
        </span>
        <span className="text-sm text-ink-muted" data-testid="countdown-until">
          {t("pay.validUntil", { time: formatTime(expiresAt, locale) })}
        </span>
      </div>
      {/* Spoken once per mark (every 5 min, each of the last 5 min, 30 s, 10 s), not every second. */}
      <span
        aria-live="polite"
        className="sr-only"
        data-testid="countdown-announcement"
        suppressHydrationWarning
      >
        {markText(countdownMark(remainingMs / 1000), t)}
      </span>
    </div>
  );
}
