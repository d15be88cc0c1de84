import { z } from "zod";
import { PersistedStore } from "../common/persisted-store";
import type { IdempotencyRecord, SplashPayment } from "./types";

// The whole SplashPay sandbox state, persisted as one JSON file (see PersistedStore) so a restart keeps it.

const snapshotSchema = z.object({
  version: z.literal(1),
  payments: z.array(
    z.custom<SplashPayment>(
      (v) => typeof v === "object" && v !== null && typeof Reflect.get(v, "reference") === "string",
    ),
  ),
  idempotency: z.record(
    z.string(),
    z.object({ reference: z.string(), bodyHash: z.string(), response: z.string(), createdAt: z.number() }),
  ),
  providerFailedKeys: z.array(z.string()),
});

type Snapshot = z.infer<typeof snapshotSchema>;

export class SplashPayStore extends PersistedStore<Snapshot> {
  /** By reference: one merchant, so references are unique across the sandbox (S7). */
  readonly payments = new Map<string, SplashPayment>();
  /** By `${apiKey}\0${Idempotency-Key}` (S8: keys are scoped per API-key pair). */
  readonly idempotency = new Map<string, IdempotencyRecord>();
  /** Scoped keys that already got their one 502 (magic phone 255700000502). */
  readonly providerFailedKeys = new Set<string>();

  constructor(file: string | undefined) {
    super(file, "splashpay-sandbox");
    const parsed = this.load(snapshotSchema);
    if (!parsed) return;
    for (const p of parsed.payments) this.payments.set(p.reference, p);
    for (const [k, v] of Object.entries(parsed.idempotency)) this.idempotency.set(k, v);
    for (const k of parsed.providerFailedKeys) this.providerFailedKeys.add(k);
  }

  protected snapshot(): Snapshot {
    return {
      version: 1,
      payments: [...this.payments.values()],
      idempotency: Object.fromEntries(this.idempotency),
      providerFailedKeys: [...this.providerFailedKeys],
    };
  }
}
