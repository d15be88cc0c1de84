import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type {
  IdempotencyRecord,
  MerchantProfile,
  SandboxEvent,
  SandboxPayment,
  SandboxRefund,
} from "./types";

// The provider must not forget its payments when our app restarts, so the whole state is one JSON file,
// written atomically (tmp + rename) and coalesced: a burst of changes costs one write.

const WRITE_DELAY_MS = 25;

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

export class SandboxStore {
  readonly payments = new Map<string, SandboxPayment>();
  readonly events = new Map<string, SandboxEvent[]>();
  readonly idempotency = new Map<string, IdempotencyRecord>();
  readonly refunds = new Map<string, SandboxRefund>();
  /** Scoped Idempotency-Keys that already got their one 502 (magic phone 255700000502). */
  readonly providerFailedKeys = new Set<string>();
  readonly externalIdCounters = new Map<string, number>();
  merchant: MerchantProfile = { id: randomUUID(), webhookUrl: null, callbackUrl: null };

  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(private readonly file: string | undefined) {
    if (file) this.load(file);
  }

  private load(file: string): void {
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch {
      return; // first start
    }
    let parsed: Snapshot;
    try {
      parsed = snapshotSchema.parse(JSON.parse(text));
    } catch {
      console.warn(`[paygrid-sandbox] ignoring unreadable state file ${file}`);
      return;
    }
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

  /** Call after every mutation; the file is rewritten shortly after, once per burst. */
  changed(): void {
    if (!this.file) return;
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.writeNow();
    }, WRITE_DELAY_MS);
    this.timer.unref?.();
  }

  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    await this.writeNow();
  }

  private writeNow(): Promise<void> {
    // Chained so two writes never race on the tmp file and the last state always lands last.
    this.writing = this.writing.then(async () => {
      if (!this.file || !this.dirty) return;
      this.dirty = false;
      const text = JSON.stringify(this.snapshot());
      const tmp = `${this.file}.${process.pid}.${randomUUID()}.tmp`;
      try {
        await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
        await fs.promises.writeFile(tmp, text);
        await fs.promises.rename(tmp, this.file);
      } catch (error) {
        this.dirty = true;
        console.error(`[paygrid-sandbox] could not save state to ${this.file}:`, error);
        await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
      }
    });
    return this.writing;
  }

  private snapshot(): Snapshot {
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
