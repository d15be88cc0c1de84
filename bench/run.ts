// npm run bench — performance figures for the payments core, printed as a table and saved as JSON in
// bench/results/. Not part of the test suite: timings are measured here, never asserted.
//
// Starts the standalone PayGrid sandbox and the production build (run `npx next build` first; the script
// builds when .next is missing), signs in as a cashier, then measures:
//   (a) webhook received → SSE frame received latency, p50/p95/p99, with 1,000 open streams at 100 webhooks/s
//   (b) server memory per open SSE stream at 1,000 and 5,000 streams
//   (c) verified webhooks persisted per second
//   (d) create-payment time through our API vs directly against the sandbox
import { spawn, execSync, type ChildProcess } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

const APP_PORT = 3200;
const SANDBOX_PORT = 4210;
const APP = `http://127.0.0.1:${APP_PORT}`;
const SANDBOX = `http://127.0.0.1:${SANDBOX_PORT}`;
const SIGNING_KEY = "bench_signing_key";
const API_KEY = "sk_test_malipo_sandbox";
const OWNER = { email: "owner@bench.malipo.local", password: "bench-owner-password" };
const STREAMS = Number(process.env.BENCH_STREAMS ?? 1000);
const BIG_STREAMS = Number(process.env.BENCH_BIG_STREAMS ?? 5000);
const WEBHOOK_RATE = 100;

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
const children: ChildProcess[] = [];

function start(command: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", process.env.BENCH_VERBOSE ? "inherit" : "ignore", "inherit"],
  });
  children.push(child);
  return child;
}

async function waitFor(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not come up`);
}

function request(
  method: string,
  url: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString(),
          headers: res.headers,
        }),
      );
    });
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function rssKb(pid: number): number {
  // The server and any children it spawned.
  let total = 0;
  const visit = (p: number) => {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const task of fs.readdirSync(`/proc/${p}/task`)) {
        const kids = fs.readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim();
        for (const kid of kids ? kids.split(/\s+/) : []) visit(Number(kid));
      }
    } catch {
      // process gone
    }
  };
  visit(pid);
  return total;
}

const sale = (i: number) =>
  JSON.stringify({
    provider: "paygrid",
    method: "dynamic-qr",
    amount: String(1000 + i),
    currency: "TZS",
    phone: "0712345678",
    customer: { firstname: "Bench", lastname: "Mark", email: "bench@example.com" },
  });

interface Created {
  id: string;
  provider_payment_id: string;
  amount: string;
}

type Store = "pglite" | "postgres";

function stopChildren(): Promise<void> {
  const exits = children.map(
    (child) =>
      new Promise<void>((resolve) =>
        child.exitCode !== null ? resolve() : child.once("exit", () => resolve()),
      ),
  );
  for (const child of children) child.kill("SIGTERM");
  children.length = 0;
  return Promise.all(exits).then(() => undefined);
}

async function runOnce(store: Store, databaseUrl: string | undefined) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "malipo-bench-"));

  // Started through node itself (not npx) so the pid we signal is the server's own.
  start(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/sandbox-server.ts",
      "--port",
      String(SANDBOX_PORT),
      "--state",
      `${dataDir}/sandbox.json`,
      "--splashpay-state",
      `${dataDir}/sandbox-splashpay.json`,
      "--signing-key",
      SIGNING_KEY,
    ],
    {},
  );
  const app = start(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(APP_PORT)], {
    DATA_DIR: dataDir,
    PUBLIC_BASE_URL: APP,
    SANDBOX: "1",
    PAYGRID_BASE_URL: `${SANDBOX}/api/v1`,
    PAYGRID_WEBHOOK_SIGNING_KEY: SIGNING_KEY,
    OWNER_EMAIL: OWNER.email,
    OWNER_PASSWORD: OWNER.password,
    SESSION_SECRET: "bench-session-secret-that-is-long-enough",
    MERCHANT_API_KEY: "mk_test_bench_key_000000",
    LOG_LEVEL: "warn",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  await waitFor(`${SANDBOX}/control/settings`);
  await waitFor(`${APP}/api/health`);

  const login = await request("POST", `${APP}/api/session`, JSON.stringify(OWNER), {
    "content-type": "application/json",
  });
  const cookie = String(login.headers["set-cookie"]?.[0] ?? "").split(";")[0]!;
  const appHeaders = (key: string) => ({
    "content-type": "application/json",
    cookie,
    "idempotency-key": key,
  });

  // (d) create-payment time, ours vs the sandbox directly.
  const ours: number[] = [];
  const direct: number[] = [];
  const payments: Created[] = [];
  for (let i = 0; i < STREAMS; i++) {
    const t0 = performance.now();
    const res = await request("POST", `${APP}/api/payments`, sale(i), appHeaders(randomUUID()));
    ours.push(performance.now() - t0);
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.body}`);
    payments.push(JSON.parse(res.body) as Created);
  }
  for (let i = 0; i < 200; i++) {
    const body = JSON.stringify({
      ...JSON.parse(sale(i)),
      type: "dynamic-qr",
      amount: 1000 + i,
      phone: "255712345678",
    });
    const t0 = performance.now();
    const res = await request("POST", `${SANDBOX}/api/v1/payments`, body, {
      "content-type": "application/json",
      authorization: `Bearer ${API_KEY}`,
      "idempotency-key": randomUUID(),
    });
    direct.push(performance.now() - t0);
    if (res.status !== 201) throw new Error(`direct create failed: ${res.status}`);
  }

  // Opens an SSE stream and reports every payment frame's arrival time.
  const open: http.ClientRequest[] = [];
  const arrivals = new Map<string, (status: string) => void>();
  const openStream = (id: string) =>
    new Promise<void>((resolve, reject) => {
      const req = http.get(`${APP}/api/payments/${id}/events`, { agent, headers: { cookie } }, (res) => {
        let buffer = "";
        let first = true;
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = /^data: (.*)$/m.exec(frame)?.[1];
            if (!data) continue;
            if (first) {
              first = false;
              resolve();
              continue;
            }
            arrivals.get(id)?.((JSON.parse(data) as { status: string }).status);
          }
        });
      });
      req.on("error", reject);
      open.push(req);
    });

  await new Promise((resolve) => setTimeout(resolve, 2000)); // let the server settle before reading RSS
  const baseline = rssKb(app.pid!);
  for (let i = 0; i < payments.length; i += 100)
    await Promise.all(payments.slice(i, i + 100).map((p) => openStream(p.id)));
  await new Promise((resolve) => setTimeout(resolve, 2000)); // let the server settle before reading RSS
  const at1000 = rssKb(app.pid!);

  const webhook = (p: Created, status: string) => {
    const body = JSON.stringify({
      version: "1.0",
      event: `payment.${status}`,
      event_id: randomUUID(),
      transaction_id: p.provider_payment_id,
      merchant_reference: null,
      data: {
        amount: Number(p.amount),
        currency: "TZS",
        status,
        previous_status: "pending",
        payment_type: "dynamic-qr",
      },
      metadata: {},
      timestamp: new Date().toISOString(),
    });
    const ts = Math.floor(Date.now() / 1000);
    const signature = `sha256=${createHmac("sha256", SIGNING_KEY).update(`${ts}.${body}`).digest("hex")}`;
    return request("POST", `${APP}/api/webhooks/paygrid`, body, {
      "content-type": "application/json",
      "x-meetpay-timestamp": String(ts),
      "x-meetpay-signature": signature,
    });
  };

  // (a) 100 webhooks/s, each moving one payment to "processing"; latency until its stream shows it.
  const latencies: number[] = [];
  const acks: number[] = [];
  const timeline: [number, number, number][] = [];
  let lost = 0;
  let webhookErrors = 0;
  const pending: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < payments.length; i++) {
    const due = t0 + (i * 1000) / WEBHOOK_RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const p = payments[i]!;
    const sent = performance.now();
    pending.push(
      new Promise<void>((resolve) => {
        let ack = Number.NaN;
        const timer = setTimeout(() => {
          lost += 1;
          resolve();
        }, 30_000);
        arrivals.set(p.id, () => {
          // Only the first frame after this webhook counts; later frames (phase c) belong to other events.
          arrivals.delete(p.id);
          const latency = performance.now() - sent;
          latencies.push(latency);
          timeline.push([Math.round(sent - t0), Math.round(ack), Math.round(latency)]);
          clearTimeout(timer);
          resolve();
        });
        webhook(p, "processing").then(
          () => {
            ack = performance.now() - sent;
            acks.push(ack);
          },
          () => {
            webhookErrors += 1;
          },
        );
      }),
    );
  }
  await Promise.all(pending);

  // (c) throughput: every payment completed by a verified webhook, 20 in flight.
  const tp0 = performance.now();
  let next = 0;
  let persisted = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < payments.length) {
        const p = payments[next++]!;
        const res = await webhook(p, "completed");
        if (res.status === 200) persisted += 1;
      }
    }),
  );
  const perSecond = persisted / ((performance.now() - tp0) / 1000);
  for (const req of open) req.destroy();
  open.length = 0;
  await new Promise((resolve) => setTimeout(resolve, 1000));

  // (b) at the larger count: streams on fresh pending payments (several streams per payment).
  const more: Created[] = [];
  for (let i = 0; i < 500; i++) {
    const res = await request("POST", `${APP}/api/payments`, sale(i), appHeaders(randomUUID()));
    more.push(JSON.parse(res.body) as Created);
  }
  await new Promise((resolve) => setTimeout(resolve, 2000)); // let the server settle before reading RSS
  const before5k = rssKb(app.pid!);
  for (let i = 0; i < BIG_STREAMS; i += 100) {
    await Promise.all(
      Array.from({ length: Math.min(100, BIG_STREAMS - i) }, (_, j) =>
        openStream(more[(i + j) % more.length]!.id),
      ),
    );
  }
  await new Promise((resolve) => setTimeout(resolve, 2000)); // let the server settle before reading RSS
  const at5000 = rssKb(app.pid!);
  for (const req of open) req.destroy();

  const sortedLat = [...latencies].sort((a, b) => a - b);
  const sortedOurs = [...ours].sort((a, b) => a - b);
  const sortedDirect = [...direct].sort((a, b) => a - b);
  const results = {
    when: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    store,
    a_webhook_to_sse_ms: {
      streams: STREAMS,
      rate_per_s: WEBHOOK_RATE,
      samples: latencies.length,
      lost,
      webhook_errors: webhookErrors,
      ack_p50: percentile(
        [...acks].sort((a, b) => a - b),
        50,
      ),
      ack_p95: percentile(
        [...acks].sort((a, b) => a - b),
        95,
      ),
      // [ms since start, webhook answered after ms, frame arrived after ms] for every 50th webhook
      timeline_every_50th: timeline.filter((_, i) => i % 50 === 0),
      p50: percentile(sortedLat, 50),
      p95: percentile(sortedLat, 95),
      p99: percentile(sortedLat, 99),
    },
    b_memory_per_stream_kib: {
      at_1000: (at1000 - baseline) / STREAMS,
      at_5000: (at5000 - before5k) / BIG_STREAMS,
    },
    c_webhooks_persisted_per_s: perSecond,
    d_create_ms: {
      through_malipo: { p50: percentile(sortedOurs, 50), p95: percentile(sortedOurs, 95), n: ours.length },
      sandbox_direct: {
        p50: percentile(sortedDirect, 50),
        p95: percentile(sortedDirect, 95),
        n: direct.length,
      },
    },
  };

  await stopChildren();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return results;
}

function printTable(all: Awaited<ReturnType<typeof runOnce>>[]) {
  const f = (n: number) => n.toFixed(1);
  const rows: Record<string, Record<string, string>> = {};
  const row = (name: string, pick: (r: (typeof all)[number]) => number) => {
    rows[name] = Object.fromEntries(all.map((r) => [r.store, f(pick(r))]));
  };
  row("(a) webhook → SSE p50 ms", (r) => r.a_webhook_to_sse_ms.p50);
  row("(a) webhook → SSE p95 ms", (r) => r.a_webhook_to_sse_ms.p95);
  row("(a) webhook → SSE p99 ms", (r) => r.a_webhook_to_sse_ms.p99);
  row(`(b) KiB per stream @${STREAMS}`, (r) => r.b_memory_per_stream_kib.at_1000);
  row(`(b) KiB per stream @${BIG_STREAMS}`, (r) => r.b_memory_per_stream_kib.at_5000);
  row("(c) webhooks persisted / s", (r) => r.c_webhooks_persisted_per_s);
  row("(d) create via Malipo p50 ms", (r) => r.d_create_ms.through_malipo.p50);
  row("(d) create via Malipo p95 ms", (r) => r.d_create_ms.through_malipo.p95);
  row("(d) create direct p50 ms", (r) => r.d_create_ms.sandbox_direct.p50);
  row("(d) create direct p95 ms", (r) => r.d_create_ms.sandbox_direct.p95);
  console.log(
    `\nMalipo benchmark (production build, standalone PayGrid sandbox, ${STREAMS} streams at ${WEBHOOK_RATE} webhooks/s)\n`,
  );
  console.table(rows);
}

function postgresAvailable(): boolean {
  try {
    execSync("pg_isready -h 127.0.0.1 -q", { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** A server left on a bench port would be measured instead of ours: refuse to start over it. */
async function assertPortsFree(): Promise<void> {
  for (const url of [APP, SANDBOX]) {
    const answered = await fetch(url).then(
      () => true,
      () => false,
    );
    if (answered) throw new Error(`${url} is already in use: stop what runs there, then bench again`);
  }
}

async function main() {
  await assertPortsFree();
  if (!fs.existsSync(".next/BUILD_ID")) execSync("npx next build", { stdio: "inherit" });
  const stores = (process.env.BENCH_STORES ?? "pglite,postgres").split(",");
  const all = stores.includes("pglite") ? [await runOnce("pglite", undefined)] : [];
  // With several instances a merchant runs PostgreSQL: measure it too when a server answers locally.
  if (stores.includes("postgres") && postgresAvailable()) {
    const name = `malipo_bench_${Date.now()}`;
    execSync(`createdb -h 127.0.0.1 -U postgres ${name}`);
    try {
      all.push(await runOnce("postgres", `postgres://postgres@127.0.0.1:5432/${name}`));
    } finally {
      execSync(`dropdb -h 127.0.0.1 -U postgres --if-exists --force ${name}`);
    }
  }
  printTable(all);
  fs.mkdirSync("bench/results", { recursive: true });
  const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
  fs.writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
  console.log(`saved ${file}`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    void stopChildren();
    agent.destroy();
  });
