// The steps a simulated provider takes by itself (expiry, magic-phone outcomes) are kept on the payment as
// a schedule, so a restart resumes them; this holds one timer per payment for its next due step.

/** setTimeout overflows above ~24.8 days; a longer wait simply re-arms when it fires. */
const MAX_TIMER_MS = 2_147_483_647;

export interface Step {
  /** Epoch milliseconds. */
  at: number;
}

export class StepTimers {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private closed = false;

  constructor(private readonly now: () => number) {}

  /** Applies every step that is due, oldest first, removing it from `schedule`; true when any was. */
  runDue<S extends Step>(schedule: S[], apply: (step: S) => void): boolean {
    const now = this.now();
    schedule.sort((a, b) => a.at - b.at);
    let ran = false;
    while (schedule.length > 0 && schedule[0]!.at <= now) {
      apply(schedule.shift()!);
      ran = true;
    }
    return ran;
  }

  /** (Re)arms the timer of `id` for the earliest step; `fire` runs when it is due. */
  arm(id: string, schedule: readonly Step[], fire: () => void): void {
    this.disarm(id);
    const next = schedule.reduce<number | undefined>(
      (min, s) => (min === undefined || s.at < min ? s.at : min),
      undefined,
    );
    if (next === undefined || this.closed) return;
    const wait = Math.min(Math.max(0, next - this.now()), MAX_TIMER_MS);
    const timer = setTimeout(() => {
      this.timers.delete(id);
      fire();
    }, wait);
    timer.unref?.();
    this.timers.set(id, timer);
  }

  disarm(id: string): void {
    const timer = this.timers.get(id);
    if (timer) clearTimeout(timer);
    this.timers.delete(id);
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}

/** A magic phone's outcome: each status in turn, `delayMs` after the previous one (after `start` first). */
export function stepsAfter<T extends string>(
  start: number,
  delayMs: number,
  path: readonly T[] | undefined,
): { at: number; to: T }[] {
  return (path ?? []).map((to, i) => ({ at: start + delayMs * (i + 1), to }));
}
