import { randomUUID } from "node:crypto";
import { z } from "zod";
import { PersistedStore } from "../common/persisted-store";
import type {
  IdempotencyRecord,
  MerchantProfile,
  SandboxEvent,
  SandboxPayment,
  SandboxRefund,
} from "./types";

// The whole PayGrid sandbox state, persisted as one JSON file (see PersistedStore) so a restart keeps it.

const hasId = (v: unknown): boolean =>
  typeof v === "object" && v !== null && typeof Reflect.get(v, "id") === "string";

const snapshotSchema = z.object({
  version: z.literal(1),
  payments: z.array(z.custom<SandboxPayment>(hasId)),
  events: z.array(z.custom<SandboxEvent>(hasId)),
  idempotency: z.record(
    z.string(),
    z.object({ targetId: z.string(), bodyHash: z.string(), createdAt: z.number() }),
  ),
  refunds: z.array(z.custom<SandboxRefund>(hasId)),
  merchant: z.object({
    id: z.string(),
    webhookUrl: z.string().nullable(),
    callbackUrl: z.string().nullable(),
  }),
  providerFailedKeys: z.array(z.string()),
  externalIdCounters: z.record(z.string(), z.number()),
});

type Snapshot = z.infer<typeof snapshotSchema>;

export class SandboxStore extends PersistedStore<Snapshot> {
  readonly payments = new Map<string, SandboxPayment>();
  readonly events = new Map<string, SandboxEvent[]>();
  readonly idempotency = new Map<string, IdempotencyRecord>();
  readonly refunds = new Map<string, SandboxRefund>();
  /** Scoped Idempotency-Keys that already got their one 502 (magic phone 255700000502). */
  readonly providerFailedKeys = new Set<string>();
  readonly externalIdCounters = new Map<string, number>();
  merchant: MerchantProfile = { id: randomUUID(), webhookUrl: null, callbackUrl: null };

  constructor(file: string | undefined) {
    super(file, "paygrid-sandbox");
    const parsed = this.load(snapshotSchema);
    if (parsed) this.restore(parsed);
  }

  private restore(parsed: Snapshot): void {
    for (const p of parsed.payments) this.payments.set(p.id, p);
    for (const e of parsed.events) this.eventsFor(e.transactionId).push(e);
    for (const [k, v] of Object.entries(parsed.idempotency)) this.idempotency.set(k, v);
    for (const r of parsed.refunds) this.refunds.set(r.id, r);
    for (const k of parsed.providerFailedKeys) this.providerFailedKeys.add(k);
    for (const [k, v] of Object.entries(parsed.externalIdCounters)) this.externalIdCounters.set(k, v);
    this.merchant = parsed.merchant;
  }

  eventsFor(paymentId: string): SandboxEvent[] {
    let list = this.events.get(paymentId);
    if (!list) {
      list = [];
      this.events.set(paymentId, list);
    }
    return list;
  }

  protected snapshot(): Snapshot {
    return {
      version: 1,
      payments: [...this.payments.values()],
      events: [...this.events.values()].flat(),
      idempotency: Object.fromEntries(this.idempotency),
      refunds: [...this.refunds.values()],
      merchant: this.merchant,
      providerFailedKeys: [...this.providerFailedKeys],
      externalIdCounters: Object.fromEntries(this.externalIdCounters),
    };
  }
}
