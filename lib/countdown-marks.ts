// When a screen reader hears how long is left on a payment window: every five minutes, then every
// minute in the last five, then at 30 and 10 seconds. Announcing each second would drown out everything
// else the screen says (docs/ux.md#live-status: "announced at sensible intervals").

const MARKS_SECONDS = [1500, 1200, 900, 600, 300, 240, 180, 120, 60, 30, 10] as const;

export type CountdownMark = { unit: "minutes"; value: number } | { unit: "seconds"; value: number };

/**
 * The mark last crossed with this many seconds left, or null above the first one (a fresh 30-minute
 * window says nothing until 25:00). A mark changes only when the next one is crossed, so a live region
 * fed with it speaks once per mark.
 */
export function countdownMark(secondsLeft: number): CountdownMark | null {
  if (!(secondsLeft > 0)) return null;
  const s = Math.ceil(secondsLeft);
  let mark: number | null = null;
  for (const m of MARKS_SECONDS) if (m >= s) mark = m;
  if (mark === null) return null;
  return mark >= 60 ? { unit: "minutes", value: mark / 60 } : { unit: "seconds", value: mark };
}

/** Share of the window still left, 0..1, for the draining ring; a window of unknown length counts as full. */
export function remainingFraction(remainingMs: number, totalMs: number): number {
  if (!(totalMs > 0)) return remainingMs > 0 ? 1 : 0;
  return Math.min(1, Math.max(0, remainingMs / totalMs));
}
