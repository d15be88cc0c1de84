// npm run chaos — the reliability suite (README "Reliability"): starts the production build against the
// sandbox behind a fault proxy, drives traffic while injecting faults, prints a table of figures with
// targets and saves it as JSON under bench/results/. Exits non-zero when a target is missed.
//   npm run chaos              the full run (1,000 payments, 100 creates killed mid-flight, 30 s latency…)
//   npm run chaos -- --small   the configuration the test command runs (about two minutes)
// Scenario files under scenarios/: webhook chaos, crash mid-create, database trouble, slow providers.
// Scenario 5 (state machine properties) is part of the ordinary test suite (fast-check).
import { execSync } from "node:child_process";
import fs from "node:fs";
import { agent } from "../bench/http";
import { postgresAvailable } from "../bench/servers";
import { APP, HOOK_PORT, PROXY, SANDBOX, SIZES, SMALL } from "./config";
import { startHookReceiver } from "./hook-receiver";
import { check, note, printTable, rows, save } from "./report";
import { crashCreate } from "./scenarios/crash-create";
import { databaseTrouble } from "./scenarios/database-trouble";
import { slowProviders } from "./scenarios/slow-providers";
import { webhookChaos } from "./scenarios/webhook-chaos";
import { startServers } from "./servers";

async function assertPortsFree(): Promise<void> {
  for (const url of [APP, SANDBOX, PROXY]) {
    const answered = await fetch(url).then(
      () => true,
      () => false,
    );
    if (answered) throw new Error(`${url} is already in use: stop what runs there (or set CHAOS_PORT_BASE)`);
  }
}

const elapsed = (t0: number) => `${Math.round((performance.now() - t0) / 100) / 10} s`;

async function main(): Promise<void> {
  const started = performance.now();
  await assertPortsFree();
  if (!fs.existsSync(".next/BUILD_ID")) execSync("npx next build", { stdio: "inherit" });
  const details: Record<string, unknown> = { sizes: SIZES };
  const hooks = await startHookReceiver(HOOK_PORT);

  const pglite = await startServers(undefined, "pglite");
  try {
    let t0 = performance.now();
    const s1 = await webhookChaos(pglite, hooks);
    details.webhookChaos = { ...s1, seconds: elapsed(t0) };
    const S1 = "1 webhook chaos";
    note(S1, "payments (both providers, all methods)", s1.payments);
    check(S1, "creates refused", s1.createErrors, "0", s1.createErrors === 0);
    check(
      S1,
      "final status = provider's",
      `${(s1.convergedShare * 100).toFixed(1)} %`,
      "100 %",
      s1.convergedShare === 1,
    );
    check(
      S1,
      "duplicate merchant webhooks",
      s1.duplicateMerchantWebhooks,
      "0",
      s1.duplicateMerchantWebhooks === 0,
    );
    note(S1, "merchant webhooks received", `${s1.merchantWebhooks} for ${s1.checkoutSessions} sessions`);
    note(S1, "last payment converged after (s)", s1.lastConvergedSeconds);

    t0 = performance.now();
    const s4 = await slowProviders(pglite);
    details.slowProviders = { ...s4, seconds: elapsed(t0) };
    const S4 = "4 slow providers";
    check(
      S4,
      "5 s latency: creates succeeded",
      `${s4.slow.succeeded}/${s4.slow.creates}`,
      "all",
      s4.slow.succeeded === s4.slow.creates,
    );
    note(S4, "5 s latency: p50 create (s)", s4.slow.p50Seconds);
    check(
      S4,
      `down (${s4.down.mode}): answered PROVIDER_UNAVAILABLE`,
      `${s4.down.answeredUnavailable}/${s4.down.creates}`,
      "all",
      s4.down.answeredUnavailable === s4.down.creates,
    );
    note(S4, "down: first wave p50 answer (s)", s4.down.firstWaveP50Seconds);
    check(
      S4,
      "down: answer once breaker open, max (s)",
      s4.down.afterBreakerMaxSeconds,
      "≤ 1",
      s4.down.afterBreakerMaxSeconds <= 1,
    );
    check(
      S4,
      "calls waiting on the provider, max",
      s4.down.maxInFlightAtProvider,
      "≤ 64 (32 per provider)",
      s4.down.maxInFlightAtProvider <= 64,
    );
    check(
      S4,
      "50 % 5xx: attempts succeeded (same key)",
      `${s4.flaky.succeeded}/${s4.flaky.attempts}`,
      "all",
      s4.flaky.succeeded === s4.flaky.attempts,
    );
    note(S4, "50 % 5xx: client tries", s4.flaky.tries);
    check(S4, "healed: first success after (s)", s4.healedSeconds, "≤ 15", s4.healedSeconds <= 15);
    check(
      S4,
      "down attempts retried after healing",
      `${s4.downAttemptsSucceeded}/${s4.downAttemptsRetried}`,
      "all",
      s4.downAttemptsSucceeded === s4.downAttemptsRetried,
    );
    check(S4, "provider payments ≠ 1 per attempt", s4.providerDuplicates, "0", s4.providerDuplicates === 0);

    t0 = performance.now();
    const s2 = await crashCreate(pglite);
    details.crashCreate = { ...s2, seconds: elapsed(t0) };
    const S2 = "2 crash mid-create";
    note(S2, "creates in flight at SIGKILL", `${s2.creates} (${s2.answeredBeforeKill} answered before)`);
    note(S2, "restart until answering (s)", s2.restartSeconds);
    check(
      S2,
      "retried attempts: exactly 1 provider payment",
      `${s2.retriedWithExactlyOneProviderPayment}/${s2.retriedAttempts}`,
      "all",
      s2.retriedWithExactlyOneProviderPayment === s2.retriedAttempts,
    );
    check(S2, "provider duplicates", s2.providerDuplicates, "0", s2.providerDuplicates === 0);
    check(
      S2,
      "never retried: charged",
      `${s2.walkedAwayCharged} of ${s2.walkedAway}`,
      "0",
      s2.walkedAwayCharged === 0,
    );
    note(S2, "never retried: left not started", s2.walkedAwayNotStarted);
    check(
      S2,
      "committed statuses lost (PGlite, SIGKILL)",
      `${s2.committedLost} of ${s2.committedBefore}`,
      "0",
      s2.committedLost === 0,
    );
  } finally {
    await pglite.stop();
  }

  const S3 = "3 database trouble";
  if (postgresAvailable()) {
    const name = `malipo_chaos_${Date.now()}`;
    execSync(`createdb -h 127.0.0.1 -U postgres ${name}`);
    try {
      const pg = await startServers(`postgres://postgres@127.0.0.1:5432/${name}`, "postgres");
      try {
        const t0 = performance.now();
        const s3 = await databaseTrouble(pg, name);
        details.databaseTrouble = { ...s3, seconds: elapsed(t0) };
        note(S3, "backends terminated (3 rounds)", s3.backendsTerminated);
        note(
          S3,
          "requests failed while down",
          `${s3.failedWhileDown} of ${s3.requests} (${s3.failedStatuses.join(", ") || "none"})`,
        );
        check(
          S3,
          "500 answers / answers with a stack",
          `${s3.internal500} / ${s3.withStack}`,
          "0 / 0",
          s3.internal500 === 0 && s3.withStack === 0,
        );
        check(S3, "recovered without restart (s)", s3.recoverySeconds, "≤ 10", s3.recoverySeconds <= 10);
        note(
          S3,
          "streams cut / resumed via Last-Event-ID",
          `${s3.streamsCut} / ${s3.streamsResumedWithLastEventId}`,
        );
        check(
          S3,
          "streams that saw the completion",
          `${s3.streamsEndedCompleted}/${s3.streams}`,
          "all",
          s3.streamsEndedCompleted === s3.streams,
        );
        check(
          S3,
          "committed statuses lost",
          `${s3.committedLost} of ${s3.committedBefore}`,
          "0",
          s3.committedLost === 0,
        );
      } finally {
        await pg.stop();
      }
    } finally {
      execSync(`dropdb -h 127.0.0.1 -U postgres --if-exists --force ${name}`);
    }
  } else {
    note(S3, "PostgreSQL", "not reachable: skipped");
  }
  await hooks.close();

  printTable();
  console.log(`saved ${save(details, SMALL)} (${elapsed(started)})`);
  const missed = rows.filter((r) => !r.ok);
  if (missed.length > 0) {
    console.error(
      `\n${missed.length} target(s) missed: ${missed.map((r) => `${r.scenario} / ${r.figure}`).join("; ")}`,
    );
    process.exitCode = 1;
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => agent.destroy());
