// npm run bench — performance figures for the payments core, printed as a table and saved as JSON in
// bench/results/. Not part of the test suite: timings are measured here, never asserted.
//
// Starts the standalone PayGrid sandbox and the production build (run `npx next build` first; the script
// builds when .next is missing), signs in as a cashier, then measures (one file each under scenarios/):
//   (a) webhook received → SSE frame received latency, p50/p95/p99, with 1,000 open streams at 100 webhooks/s
//   (b) server memory per open SSE stream at 1,000 streams
//   (c) verified webhooks persisted per second, beside an empty route handler's requests per second
//   (d) create-payment time through our API vs directly against the sandbox
//   (b) also 10,000 streams held: memory per stream and webhook → SSE latency while they are open
//   (e), (f) page weight and Charge tap → QR painted in the system Chromium (scenarios/pages.ts)
//   (g) with PostgreSQL: webhook on instance A → frame on instance B, beside the frame on A (two-instances.ts)
// and (a)'s ceiling, a bare node:http SSE server's POST → frame latency (scenarios/ceilings.ts).
// `--smoke` runs (a)–(d) tiny on PGlite and saves nothing (the test command's check that it runs); the
// page weights are asserted by test/cluster/page-weight.cluster.test.ts and two instances by the cluster tests.
import { execSync } from "node:child_process";
import fs from "node:fs";
import { SMOKE, STORES, type Store } from "./config";
import { agent } from "./http";
import { sleep } from "./measure";
import { printTable, results, save } from "./report";
import { measureCreate } from "./scenarios/create";
import { measureIngest } from "./scenarios/ingest";
import { measureEmptyRoute, measureRawSse } from "./scenarios/ceilings";
import { measureManyStreams } from "./scenarios/many-streams";
import { measurePages, printPages } from "./scenarios/pages";
import { openPerPayment, streamsOf } from "./scenarios/streams";
import { measureTwoInstances, printTwoInstances } from "./scenarios/two-instances";
import { measureWebhookToSse } from "./scenarios/webhook-to-sse";
import { assertPortsFree, postgresAvailable, startServers, stopChildren } from "./servers";

async function runOnce(store: Store, databaseUrl: string | undefined) {
  const servers = await startServers(databaseUrl);
  console.error(`bench ${store}: servers up`);
  const create = await measureCreate(servers);
  const streams = streamsOf(servers);
  const small = await openPerPayment(servers, streams, create.payments);
  const sse = await measureWebhookToSse(streams, create.payments);
  console.error(`bench ${store}: create, streams and webhook → SSE measured`);
  const perSecond = await measureIngest(create.payments);
  const emptyRoutePerSecond = await measureEmptyRoute(create.payments.length);
  streams.closeAll();
  await sleep(1000);
  console.error(`bench ${store}: ingest and empty route measured`);
  const many = await measureManyStreams(servers);
  const pages = SMOKE ? undefined : await measurePages();
  await servers.stop();
  const rawSse = await measureRawSse();
  const measured = results({
    store,
    create,
    sse,
    streams: { baseline: small.baseline, at1000: small.after },
    perSecond,
    many,
    ceilings: { emptyRoutePerSecond, rawSse },
  });
  return pages ? { ...measured, pages } : measured;
}

async function main() {
  await assertPortsFree();
  if (!fs.existsSync(".next/BUILD_ID")) execSync("npx next build", { stdio: "inherit" });
  const all = STORES.includes("pglite") ? [await runOnce("pglite", undefined)] : [];
  // With several instances a merchant runs PostgreSQL: measure it too when a server answers locally.
  if (STORES.includes("postgres") && postgresAvailable()) {
    const name = `malipo_bench_${Date.now()}`;
    execSync(`createdb -h 127.0.0.1 -U postgres ${name}`);
    try {
      all.push(await runOnce("postgres", `postgres://postgres@127.0.0.1:5432/${name}`));
    } finally {
      execSync(`dropdb -h 127.0.0.1 -U postgres --if-exists --force ${name}`);
    }
  }
  printTable(all);
  if (SMOKE) return;
  const two = await measureTwoInstances();
  printPages(all.filter((r) => "pages" in r));
  printTwoInstances(two);
  console.log(`saved ${save([...all, { two_instances: two }])}`);
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
