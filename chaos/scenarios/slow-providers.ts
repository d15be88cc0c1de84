import { randomUUID } from "node:crypto";
import { percentile, sleep, sorted } from "../../bench/measure";
import { SIZES } from "../config";
import {
  createPayment,
  payGridPaymentsPerReference,
  pool,
  SALES,
  saleBody,
  type PaymentJson,
} from "../clients";
import type { Servers } from "../servers";

// Scenario 4: the provider answers slowly (5 s), not within our timeout (30 s, full run only), or not at
// all, then fails half its calls for a while, then heals. Creates are retried with the same key; once the
// provider is known to be down the register must hear "provider unavailable" at once (the circuit breaker),
// the calls waiting on the provider stay bounded (the per-provider limit), and it recovers on its own.

interface Timed {
  status: number;
  ms: number;
  body: string;
}

async function timedCreate(cookie: string, key: string, i: number): Promise<Timed> {
  const t0 = performance.now();
  const res = await createPayment(cookie, saleBody(SALES[i % 3]!, i), key);
  return { status: res.status, ms: performance.now() - t0, body: res.body };
}

const errorCode = (body: string) => {
  try {
    return (JSON.parse(body) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
};

export async function slowProviders(servers: Servers) {
  const { app, proxy } = servers;
  const cookie = app.cookie();
  const keys = new Map<number, string>();
  const keyOf = (i: number) => keys.get(i) ?? (keys.set(i, randomUUID()), keys.get(i)!);
  let n = 0;

  // (a) 5 s latency: slow but within the timeout, fewer callers than the limit — everything succeeds.
  proxy.faults.latencyMs = 5000;
  proxy.resetMax();
  const slow = await Promise.all(
    Array.from({ length: Math.min(SIZES.slowCreates, 24) }, () => n++).map((i) =>
      timedCreate(cookie, keyOf(i), i),
    ),
  );
  const slowMaxInFlight = proxy.inFlight().max;

  // (b) down: beyond the timeout (full run) or refusing every call, with a burst of registers asking.
  if (SIZES.longLatencyMs > 0) proxy.faults.latencyMs = SIZES.longLatencyMs;
  else {
    proxy.faults.latencyMs = 0;
    proxy.faults.errorRate = 1;
  }
  proxy.resetMax();
  const downStart = performance.now();
  const downKeys: number[] = [];
  const first = Array.from({ length: SIZES.slowCreates }, () => n++);
  downKeys.push(...first);
  const firstWave = Promise.all(first.map((i) => timedCreate(cookie, keyOf(i), i)));
  const firstAnswers = await firstWave;
  // Registers asking after the first failures: the breaker must answer them at once.
  const second = Array.from({ length: 10 }, () => n++);
  downKeys.push(...second);
  const secondAnswers = await Promise.all(second.map((i) => timedCreate(cookie, keyOf(i), i)));
  const downMaxInFlight = proxy.inFlight().max;
  const downSeconds = (performance.now() - downStart) / 1000;

  // (c) half the calls fail for a while; the clients keep retrying with their key.
  proxy.faults.latencyMs = 0;
  proxy.faults.errorRate = 0.5;
  const flaky = Array.from({ length: SIZES.slowCreates }, () => n++);
  const flakyEnd = performance.now() + SIZES.slowPhaseMs;
  let flakyTries = 0;
  const flakyOutcome = await pool(flaky, 4, async (i) => {
    for (;;) {
      flakyTries += 1;
      const res = await timedCreate(cookie, keyOf(i), i);
      if (res.status === 201 || res.status === 200) return JSON.parse(res.body) as PaymentJson;
      if (performance.now() > flakyEnd + 30_000) return undefined;
      await sleep(500);
    }
  });

  // (d) healed: how long until a create succeeds again, then every earlier attempt retried with its key.
  proxy.faults.errorRate = 0;
  const healStart = performance.now();
  let healedAt: number | undefined;
  while (healedAt === undefined && performance.now() - healStart < 60_000) {
    const i = n++;
    const res = await timedCreate(cookie, keyOf(i), i);
    if (res.status === 201) healedAt = performance.now();
    else await sleep(250);
  }
  const retriedDown = await pool(downKeys, 8, async (i) => {
    for (let t = 0; t < 20; t++) {
      const res = await timedCreate(cookie, keyOf(i), i);
      if (res.status === 201 || res.status === 200) return JSON.parse(res.body) as PaymentJson;
      await sleep(1000);
    }
    return undefined;
  });
  const all = [...flakyOutcome, ...retriedDown].filter((p): p is PaymentJson => p !== undefined);
  const atProvider = await payGridPaymentsPerReference();
  const duplicates = all.filter((p) => (atProvider.get(p.reference) ?? 0) !== 1).length;

  const downAnswers = [...firstAnswers, ...secondAnswers];
  const breakerAnswers = secondAnswers.filter((a) => errorCode(a.body) === "PROVIDER_UNAVAILABLE");
  return {
    slow: {
      creates: slow.length,
      succeeded: slow.filter((a) => a.status === 201).length,
      p50Seconds: percentile(sorted(slow.map((a) => a.ms)), 50) / 1000,
      maxInFlightAtProvider: slowMaxInFlight,
    },
    down: {
      mode: SIZES.longLatencyMs > 0 ? `${SIZES.longLatencyMs / 1000} s latency` : "every call 503",
      creates: downAnswers.length,
      answeredUnavailable: downAnswers.filter((a) => errorCode(a.body) === "PROVIDER_UNAVAILABLE").length,
      other: downAnswers.filter((a) => errorCode(a.body) !== "PROVIDER_UNAVAILABLE").map((a) => a.status),
      firstWaveP50Seconds: percentile(sorted(firstAnswers.map((a) => a.ms)), 50) / 1000,
      afterBreakerMaxSeconds: Math.max(...breakerAnswers.map((a) => a.ms), 0) / 1000,
      maxInFlightAtProvider: downMaxInFlight,
      seconds: downSeconds,
    },
    flaky: {
      attempts: flaky.length,
      tries: flakyTries,
      succeeded: flakyOutcome.filter(Boolean).length,
    },
    healedSeconds: healedAt === undefined ? Number.NaN : (healedAt - healStart) / 1000,
    downAttemptsRetried: downKeys.length,
    downAttemptsSucceeded: retriedDown.filter(Boolean).length,
    providerDuplicates: duplicates,
  };
}
