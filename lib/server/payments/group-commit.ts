import "server-only";
import type { Db } from "@/lib/server/db/client";
import {
  applyProviderEvent,
  applyProviderEventIn,
  type ApplyResult,
  type ProviderEvent,
} from "./apply-provider-event";

// Group commit for provider webhooks. A commit costs a round trip and a flush; PGlite's one connection
// serialises every statement. So events that arrive while one group is being written queue up and are
// then applied one after another in ONE transaction, through the same applyProviderEventIn as a single
// event (dedupe, row lock, forward-only, amount check, event log, listeners, NOTIFY at commit).
//
// - Nothing is answered before its commit: each caller's promise settles only after the group's commit,
//   so a crash mid-group loses only events nobody acknowledged (the provider redelivers them).
// - One failing event must not fail the others: when the group's transaction fails, every event in it
//   is applied again on its own, as without grouping, and only the failing one answers with its error.
// - Events are applied in payment-id order (arrival order within one payment), so two groups on two
//   instances lock payment rows in the same order and cannot deadlock on them.
// - At most one group is written at a time per database: a lone webhook goes at once (no added wait),
//   and under load the queue that builds up during one commit is the next group.

const MAX_GROUP = 64;

interface Waiting {
  event: ProviderEvent;
  resolve: (result: ApplyResult) => void;
  reject: (error: unknown) => void;
}

interface Committer {
  queue: Waiting[];
  running: boolean;
  /** Groups written and events in them since start (the bench and tests read these). */
  groups: number;
  events: number;
}

const committers = new WeakMap<Db, Committer>();

function committerFor(db: Db): Committer {
  let committer = committers.get(db);
  if (!committer) committers.set(db, (committer = { queue: [], running: false, groups: 0, events: 0 }));
  return committer;
}

/** Applies a provider event in the next group commit; settles after that commit (or its rollback). */
export function applyProviderEventGrouped(db: Db, event: ProviderEvent): Promise<ApplyResult> {
  const committer = committerFor(db);
  return new Promise<ApplyResult>((resolve, reject) => {
    committer.queue.push({ event, resolve, reject });
    // setImmediate: webhooks parsed in the same turn of the event loop join the first group too.
    if (!committer.running) {
      committer.running = true;
      setImmediate(() => void drain(db, committer));
    }
  });
}

/** How many groups and events this database's committer has written (for the bench's figures). */
export function groupCommitStats(db: Db): { groups: number; events: number } {
  const { groups, events } = committerFor(db);
  return { groups, events };
}

async function drain(db: Db, committer: Committer): Promise<void> {
  try {
    while (committer.queue.length > 0) {
      const group = committer.queue.splice(0, MAX_GROUP);
      committer.groups += 1;
      committer.events += group.length;
      await writeGroup(db, group);
    }
  } finally {
    committer.running = false;
  }
}

async function writeGroup(db: Db, group: Waiting[]): Promise<void> {
  if (group.length === 1) return settle(group[0]!, applyProviderEvent(db, group[0]!.event));
  // Stable sort: two events for one payment keep their arrival order.
  const ordered = [...group].sort((a, b) =>
    a.event.paymentId < b.event.paymentId ? -1 : a.event.paymentId > b.event.paymentId ? 1 : 0,
  );
  let results: ApplyResult[];
  try {
    results = await db.transaction(async (tx) => {
      const out: ApplyResult[] = [];
      for (const waiting of ordered) out.push(await applyProviderEventIn(tx, waiting.event));
      return out;
    });
  } catch {
    // Rolled back as a whole: nothing of it happened. Each event again in its own transaction, so the
    // one that fails (or a deadlock with another instance) answers alone and the rest are applied.
    for (const waiting of ordered) await settle(waiting, applyProviderEvent(db, waiting.event));
    return;
  }
  ordered.forEach((waiting, i) => waiting.resolve(results[i]!));
}

async function settle(waiting: Waiting, applying: Promise<ApplyResult>): Promise<void> {
  try {
    waiting.resolve(await applying);
  } catch (error) {
    waiting.reject(error);
  }
}
