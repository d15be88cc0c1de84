import { randomUUID } from "node:crypto";
import { sleep } from "../../bench/measure";
import { SIZES } from "../config";
import {
  createPayment,
  payGridPaymentsPerReference,
  pool,
  providerAction,
  readPayment,
  SALES,
  saleBody,
  type PaymentJson,
} from "../clients";
import type { Servers } from "../servers";
import { openStream } from "../sse-client";

// Scenario 2: SIGKILL while creates are in flight. The proxy's random latency spreads the kill over every
// point of a create (before the provider call, during it, after it, before our answer is written). After
// the restart 90 % of the clients retry with their own key until they get an answer; 10 % walk away. The
// provider must hold exactly one payment per retried attempt, and statuses committed before the kill must
// still be there (the PGlite data directory or PostgreSQL database survives the kill). Live-status streams
// open across the kill must come back with Last-Event-ID and still see their payment complete.

export async function crashCreate(servers: Servers) {
  const { app, proxy } = servers;
  // Committed before the crash: completed payments whose status must survive.
  const committed: PaymentJson[] = [];
  for (let i = 0; i < SIZES.committedBeforeCrash; i++) {
    const res = await createPayment(app.cookie(), saleBody(SALES[0]!, i), randomUUID());
    if (res.status !== 201) continue;
    const p = JSON.parse(res.body) as PaymentJson;
    await providerAction(p, "complete");
    committed.push(p);
  }
  for (let tries = 0; tries < 30; tries++) {
    const statuses = await Promise.all(committed.map((p) => readPayment(app.cookie(), p.id)));
    if (statuses.every((s) => s?.status === "completed")) break;
    await sleep(500);
  }

  // Streams on processing payments, open across the kill.
  const watched: PaymentJson[] = [];
  for (let i = 0; i < SIZES.streams / 2; i++) {
    const res = await createPayment(app.cookie(), saleBody(SALES[0]!, i), randomUUID());
    if (res.status !== 201) continue;
    const p = JSON.parse(res.body) as PaymentJson;
    await providerAction(p, "process");
    watched.push(p);
  }
  await sleep(1500);
  const streams = watched.map((p) => openStream(p.id, () => app.cookie(), 180_000));
  for (let waited = 0; waited < 10_000 && streams.some((s) => s.lastId === undefined); waited += 250) {
    await sleep(250);
  }

  proxy.faults.jitterMs = 600;
  const clients = Array.from({ length: SIZES.crashCreates }, (_, i) => ({
    i,
    key: randomUUID(),
    body: saleBody(SALES[i % 3]!, i), // PayGrid's three methods: its creates are the ones keyed for replay
    retries: i % 10 !== 9,
    firstAnswer: 0,
    final: undefined as PaymentJson | undefined,
    attempts: 1,
  }));
  const cookie = app.cookie();
  const inFlight = clients.map(async (c) => {
    const res = await createPayment(cookie, c.body, c.key);
    c.firstAnswer = res.status;
    if (res.status === 201) c.final = JSON.parse(res.body) as PaymentJson;
  });
  await sleep(200 + Math.random() * 400);
  const killedAt = performance.now();
  await app.kill();
  await Promise.all(inFlight);
  const answeredBeforeKill = clients.filter((c) => c.firstAnswer === 201).length;
  await app.restart();
  const restartSeconds = (performance.now() - killedAt) / 1000;
  proxy.faults.jitterMs = 0;

  // The clients that did not hear back retry with the same key (the register does so on its own).
  const retryDeadline = performance.now() + (SIZES.createLeaseSeconds + 60) * 1000;
  await pool(
    clients.filter((c) => c.retries && c.firstAnswer !== 201),
    20,
    async (c) => {
      while (performance.now() < retryDeadline) {
        c.attempts += 1;
        const res = await createPayment(app.cookie(), c.body, c.key);
        if (res.status === 201 || res.status === 200) {
          c.final = JSON.parse(res.body) as PaymentJson;
          return;
        }
        if (res.status > 0 && res.status < 500) return;
        await sleep(1000);
      }
    },
  );
  const retried = clients.filter((c) => c.retries);
  // Counted at the provider itself: its payments per attempt reference.
  const atProvider = await payGridPaymentsPerReference();
  const perAttempt = (p: PaymentJson | undefined) => (p ? (atProvider.get(p.reference) ?? 0) : -1);
  const retriedExactlyOne = retried.filter((c) => perAttempt(c.final) === 1).length;
  const miscounted = retried
    .filter((c) => perAttempt(c.final) !== 1)
    .map((c) => ({
      reference: c.final?.reference,
      status: c.final?.status,
      firstAnswer: c.firstAnswer,
      attempts: c.attempts,
      providerAnswersSeenByProxy: c.final ? proxy.answersPerReference.get(c.final.reference) : undefined,
    }));
  const duplicates = [...atProvider.values()].filter((n) => n > 1).length;
  const unanswered = retried.filter((c) => !c.final).length;

  // Walked away: whatever our store holds for their key must not be a charge.
  const walkedAway = clients.filter((c) => !c.retries);
  let walkedCreating = 0;
  let walkedCharged = 0;
  for (const c of walkedAway) {
    if (!c.final) {
      walkedCreating += 1; // never answered, so never shown; the row (if any) stays "creating"
      continue;
    }
    const now = await readPayment(app.cookie(), c.final.id);
    if (now?.status === "completed") walkedCharged += 1;
  }
  for (const p of watched) await providerAction(p, "complete");
  await Promise.all(streams.map((st) => Promise.race([st.done, sleep(30_000)])));
  for (const st of streams) st.close();
  const after = await Promise.all(committed.map((p) => readPayment(app.cookie(), p.id)));
  const lost = after.filter((p) => p?.status !== "completed").length;
  return {
    creates: clients.length,
    answeredBeforeKill,
    restartSeconds,
    retriedAttempts: retried.length,
    retriedWithExactlyOneProviderPayment: retriedExactlyOne,
    retriedUnanswered: unanswered,
    providerDuplicates: duplicates,
    walkedAway: walkedAway.length,
    walkedAwayNotStarted: walkedCreating,
    walkedAwayCharged: walkedCharged,
    committedBefore: committed.length,
    committedLost: lost,
    streams: streams.length,
    streamsResumedWithLastEventId: streams.filter((st) => st.resumedWithLastEventId > 0).length,
    streamsEndedCompleted: streams.filter((st) => st.finalStatus === "completed").length,
    miscounted,
  };
}
