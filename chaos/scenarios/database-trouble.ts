import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { sleep } from "../../bench/measure";
import { SIZES } from "../config";
import { createPayment, providerAction, readPayment, SALES, saleBody, type PaymentJson } from "../clients";
import { openStream } from "../sse-client";
import type { Servers } from "../servers";

// Scenario 3 (PostgreSQL): every backend of Malipo's database is terminated (pg_terminate_backend) several
// times while creates, reads and live-status streams run. Failures must be clear (503/502 with the error
// shape, never a 500 or a stack), Malipo must recover by itself, streams must resume with Last-Event-ID,
// and no committed status may be lost. Restarting the PostgreSQL server itself is not possible here (it
// is shared), so terminating every backend stands in for it.

function terminateBackends(database: string): number {
  const out = execFileSync(
    "psql",
    [
      "-h",
      "127.0.0.1",
      "-U",
      "postgres",
      "-d",
      "postgres",
      "-tAc",
      `select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = '${database}' and pid <> pg_backend_pid()`,
    ],
    { encoding: "utf8" },
  );
  return Number(out.trim());
}

export async function databaseTrouble(servers: Servers, database: string) {
  const { app } = servers;
  const cookie = () => app.cookie();
  // Payments to stream and a committed set that must survive.
  const streamed: PaymentJson[] = [];
  const committed: PaymentJson[] = [];
  for (let i = 0; i < SIZES.streams * 2; i++) {
    const res = await createPayment(cookie(), saleBody(SALES[i % SALES.length]!, i), randomUUID());
    if (res.status !== 201) continue;
    const p = JSON.parse(res.body) as PaymentJson;
    if (i % 2 === 0) streamed.push(p);
    else {
      await providerAction(p, "complete");
      committed.push(p);
    }
  }
  await sleep(2000);
  const streams = streamed.map((p) => openStream(p.id, cookie, 60_000));
  await sleep(1000);

  const answers: { at: number; status: number; body: string }[] = [];
  let stop = false;
  let i = 0;
  const worker = async () => {
    while (!stop) {
      const n = i++;
      const op =
        n % 2 === 0
          ? createPayment(cookie(), saleBody(SALES[n % SALES.length]!, n), randomUUID())
          : readPayment(cookie(), committed[n % committed.length]!.id).then((p) => ({
              status: p ? 200 : 503,
              body: "",
            }));
      const res = await op;
      answers.push({ at: performance.now(), status: res.status, body: res.body });
      if (answers.length > SIZES.dbTraffic * 20) break;
      await sleep(10);
    }
  };
  // A few registers at once, so requests are in flight when the connections are cut.
  const traffic = Promise.all(Array.from({ length: 4 }, worker));

  await sleep(1500);
  const troubleStart = performance.now();
  let terminated = 0;
  for (let round = 0; round < 3; round++) {
    terminated += terminateBackends(database);
    await sleep(700);
  }
  const troubleEnd = performance.now();
  // Recovered: the first successful create after the last termination.
  let recoveredAt: number | undefined;
  for (let waited = 0; waited < 30_000 && recoveredAt === undefined; waited += 250) {
    recoveredAt = answers.find((a) => a.at > troubleEnd && a.status === 201)?.at;
    if (recoveredAt === undefined) await sleep(250);
  }
  await sleep(1500);
  stop = true;
  await traffic;

  // The streamed payments now complete at the provider; each stream must see it, resuming if it was cut.
  for (const p of streamed) await providerAction(p, "complete");
  await Promise.all(streams.map((s) => Promise.race([s.done, sleep(30_000)])));
  for (const s of streams) s.close();

  const during = answers.filter((a) => a.at >= troubleStart && a.at <= troubleEnd + 2000);
  const failed = during.filter((a) => a.status >= 500 || a.status === 0);
  const internal = answers.filter((a) => a.status === 500);
  const withStack = answers.filter((a) => /\n\s+at |node_modules|\.ts:\d+/.test(a.body));
  const after = await Promise.all(committed.map((p) => readPayment(cookie(), p.id)));
  return {
    backendsTerminated: terminated,
    requests: answers.length,
    failedWhileDown: failed.length,
    failedStatuses: [...new Set(failed.map((a) => a.status))].sort(),
    internal500: internal.length,
    withStack: withStack.length,
    recoverySeconds: recoveredAt === undefined ? Number.NaN : (recoveredAt - troubleEnd) / 1000,
    streams: streams.length,
    streamsCut: streams.filter((s) => s.reconnects > 0).length,
    streamsResumedWithLastEventId: streams.filter((s) => s.resumedWithLastEventId > 0).length,
    streamsEndedCompleted: streams.filter((s) => s.finalStatus === "completed").length,
    committedBefore: committed.length,
    committedLost: after.filter((p) => p?.status !== "completed").length,
  };
}
