// The bench's fixed inputs. Ports can be moved (BENCH_APP_PORT, BENCH_SANDBOX_PORT) so a bench can run
// beside other servers; the stream counts and the stores measured come from the environment too.

export const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3200);
export const SANDBOX_PORT = Number(process.env.BENCH_SANDBOX_PORT ?? 4210);
export const APP = `http://127.0.0.1:${APP_PORT}`;
export const SANDBOX = `http://127.0.0.1:${SANDBOX_PORT}`;
export const SIGNING_KEY = "bench_signing_key";
export const API_KEY = "sk_test_malipo_sandbox";
export const OWNER = { email: "owner@bench.malipo.local", password: "bench-owner-password" };
/** `--smoke`: every scenario at a tiny size, one store, nothing saved (the test command runs it; no timing is asserted). */
export const SMOKE = process.argv.includes("--smoke");
export const STREAMS = Number(process.env.BENCH_STREAMS ?? (SMOKE ? 20 : 1000));
export const BIG_STREAMS = Number(process.env.BENCH_BIG_STREAMS ?? (SMOKE ? 40 : 10_000));
export const DIRECT_CREATES = SMOKE ? 20 : 200;
/** The bare SSE server of the raw-write ceiling (scenarios/ceilings.ts). */
export const RAW_SSE_PORT = Number(process.env.BENCH_RAW_SSE_PORT ?? APP_PORT + 2);
export const WEBHOOK_RATE = 100;
export const STORES = (process.env.BENCH_STORES ?? (SMOKE ? "pglite" : "pglite,postgres")).split(",");
export const VERBOSE = Boolean(process.env.BENCH_VERBOSE);
/**
 * Fiscal receipts are off in the measured app unless BENCH_FISCAL=1: in sandbox mode TRA's simulator runs
 * inside the app's own process, so each payment's receipt would also charge the simulator's work (parsing
 * the certificate, checking the signature) to the figures of the payment path. In production TRA is remote.
 */
export const FISCAL = process.env.BENCH_FISCAL === "1";

export type Store = "pglite" | "postgres";
