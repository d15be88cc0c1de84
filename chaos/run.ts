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
import { crashCreateRows, databaseTroubleRows, slowProvidersRows, webhookChaosRows } from "./figures";
import { note, printTable, rows, save } from "./report";
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

/** `--only=1,3` runs just those scenarios (while working on one). */
const only = process.argv
  .find((a) => a.startsWith("--only="))
  ?.slice(7)
  .split(",");
const wanted = (n: string) => !only || only.includes(n);

const elapsed = (t0: number) => `${Math.round((performance.now() - t0) / 100) / 10} s`;

async function main(): Promise<void> {
  const started = performance.now();
  await assertPortsFree();
  if (!fs.existsSync(".next/BUILD_ID")) execSync("npx next build", { stdio: "inherit" });
  const details: Record<string, unknown> = { sizes: SIZES };
  const hooks = await startHookReceiver(HOOK_PORT);

  const pglite = await startServers(undefined, "pglite");
  try {
    if (wanted("1")) {
      const t0 = performance.now();
      const s1 = await webhookChaos(pglite, hooks);
      details.webhookChaos = { ...s1, seconds: elapsed(t0) };
      webhookChaosRows(s1);
    }
    if (wanted("4")) {
      const t0 = performance.now();
      const s4 = await slowProviders(pglite);
      details.slowProviders = { ...s4, seconds: elapsed(t0) };
      slowProvidersRows(s4);
    }
    // Last on this store: it kills and restarts the app.
    if (wanted("2")) {
      const t0 = performance.now();
      const s2 = await crashCreate(pglite);
      details.crashCreate = { ...s2, seconds: elapsed(t0) };
      crashCreateRows(s2);
    }
  } finally {
    await pglite.stop();
  }

  if (wanted("3")) {
    if (postgresAvailable()) {
      const name = `malipo_chaos_${Date.now()}`;
      execSync(`createdb -h 127.0.0.1 -U postgres ${name}`);
      try {
        const pg = await startServers(`postgres://postgres@127.0.0.1:5432/${name}`, "postgres");
        try {
          const t0 = performance.now();
          const s3 = await databaseTrouble(pg, name);
          details.databaseTrouble = { ...s3, seconds: elapsed(t0) };
          databaseTroubleRows(s3);
        } finally {
          await pg.stop();
        }
      } finally {
        execSync(`dropdb -h 127.0.0.1 -U postgres --if-exists --force ${name}`);
      }
    } else {
      note("3 database trouble", "PostgreSQL", "not reachable: skipped");
    }
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
  .finally(() => {
    agent.destroy();
    // A failed scenario may leave the merchant endpoint or a stream open: do not hang on them.
    process.exit();
  });
