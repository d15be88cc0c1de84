import { check, note } from "./report";
import type { crashCreate } from "./scenarios/crash-create";
import type { databaseTrouble } from "./scenarios/database-trouble";
import type { slowProviders } from "./scenarios/slow-providers";
import type { webhookChaos } from "./scenarios/webhook-chaos";

// Each scenario's figures as table rows, with their targets.

type Result<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;
const share = (n: number, of: number) => `${n}/${of}`;

export function webhookChaosRows(s: Result<typeof webhookChaos>): void {
  const S = "1 webhook chaos";
  note(S, "payments (both providers, all methods)", s.payments);
  check(S, "creates refused", s.createErrors, "0", s.createErrors === 0);
  check(
    S,
    "final status = provider's",
    `${(s.convergedShare * 100).toFixed(1)} %`,
    "100 %",
    s.convergedShare === 1,
  );
  check(
    S,
    "duplicate merchant webhooks",
    s.duplicateMerchantWebhooks,
    "0",
    s.duplicateMerchantWebhooks === 0,
  );
  note(
    S,
    "merchant webhooks received",
    `${s.merchantWebhooks} (${s.merchantNotices} notices) for ${s.checkoutSessions} sessions`,
  );
  note(S, "last payment converged after (s)", s.lastConvergedSeconds);
}

export function slowProvidersRows(s: Result<typeof slowProviders>): void {
  const S = "4 slow providers";
  const slowOk = s.slow.succeeded === s.slow.creates;
  check(S, "5 s latency: creates succeeded", share(s.slow.succeeded, s.slow.creates), "all", slowOk);
  note(S, "5 s latency: p50 create (s)", s.slow.p50Seconds);
  const downOk = s.down.answeredUnavailable === s.down.creates;
  check(
    S,
    `down (${s.down.mode}): PROVIDER_UNAVAILABLE`,
    share(s.down.answeredUnavailable, s.down.creates),
    "all",
    downOk,
  );
  note(S, "down: first callers' p50 answer (s)", s.down.firstWaveP50Seconds);
  check(
    S,
    "down: answer once breaker open, max (s)",
    s.down.afterBreakerMaxSeconds,
    "≤ 2",
    s.down.afterBreakerMaxSeconds <= 2,
  );
  const waiting = s.down.maxInFlightAtProvider;
  check(S, "calls waiting on the provider, max", waiting, "≤ 64 (32 per provider)", waiting <= 64);
  const flakyOk = s.flaky.succeeded === s.flaky.attempts;
  check(
    S,
    "50 % 5xx: attempts succeeded (same key)",
    share(s.flaky.succeeded, s.flaky.attempts),
    "all",
    flakyOk,
  );
  note(S, "50 % 5xx: client tries", s.flaky.tries);
  check(S, "healed: first success after (s)", s.healedSeconds, "≤ 15", s.healedSeconds <= 15);
  const retriedOk = s.downAttemptsSucceeded === s.downAttemptsRetried;
  check(
    S,
    "down attempts retried after healing",
    share(s.downAttemptsSucceeded, s.downAttemptsRetried),
    "all",
    retriedOk,
  );
  check(S, "provider payments ≠ 1 per attempt", s.providerDuplicates, "0", s.providerDuplicates === 0);
}

export function crashCreateRows(s: Result<typeof crashCreate>): void {
  const S = "2 crash mid-create";
  note(S, "creates in flight at SIGKILL", `${s.creates} (${s.answeredBeforeKill} answered before)`);
  note(S, "restart until answering (s)", s.restartSeconds);
  const one = s.retriedWithExactlyOneProviderPayment;
  check(
    S,
    "retried attempts: exactly 1 provider payment",
    share(one, s.retriedAttempts),
    "all",
    one === s.retriedAttempts,
  );
  check(S, "provider duplicates", s.providerDuplicates, "0", s.providerDuplicates === 0);
  check(
    S,
    "never retried: charged",
    `${s.walkedAwayCharged} of ${s.walkedAway}`,
    "0",
    s.walkedAwayCharged === 0,
  );
  note(S, "never retried: left not started", s.walkedAwayNotStarted);
  check(
    S,
    "committed statuses lost (PGlite, SIGKILL)",
    `${s.committedLost} of ${s.committedBefore}`,
    "0",
    s.committedLost === 0,
  );
  const seen = s.streamsEndedCompleted;
  check(S, "streams across the kill that saw completion", share(seen, s.streams), "all", seen === s.streams);
  const resumed = s.streamsResumedWithLastEventId;
  check(S, "streams resumed via Last-Event-ID", share(resumed, s.streams), "all", resumed === s.streams);
}

export function databaseTroubleRows(s: Result<typeof databaseTrouble>): void {
  const S = "3 database trouble";
  note(S, "backends terminated (3 rounds)", s.backendsTerminated);
  const statuses = s.failedStatuses.join(", ") || "none";
  note(S, "requests failed while down", `${s.failedWhileDown} of ${s.requests} (${statuses})`);
  const clean = s.internal500 === 0 && s.withStack === 0;
  check(S, "500 answers / answers with a stack", `${s.internal500} / ${s.withStack}`, "0 / 0", clean);
  check(S, "recovered without restart (s)", s.recoverySeconds, "≤ 10", s.recoverySeconds <= 10);
  note(S, "streams cut / resumed via Last-Event-ID", `${s.streamsCut} / ${s.streamsResumedWithLastEventId}`);
  const seen = s.streamsEndedCompleted;
  check(S, "streams that saw the completion", share(seen, s.streams), "all", seen === s.streams);
  check(
    S,
    "committed statuses lost",
    `${s.committedLost} of ${s.committedBefore}`,
    "0",
    s.committedLost === 0,
  );
}
