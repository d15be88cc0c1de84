import type http from "node:http";
import { APP } from "../config";
import { rssKb, settle } from "../measure";
import type { Servers } from "../servers";
import { openSse } from "../sse-client";
import type { Created } from "./create";

// SSE streams as a cashier's screen holds them, and (b) the server memory each open stream costs
// (at 10,000 streams: many-streams.ts).

export interface Streams {
  /** Opens a payment's stream; resolves once its first frame (the current state) arrived. */
  open: (id: string) => Promise<void>;
  /** Called with the status of every later payment frame on that payment's stream. */
  arrivals: Map<string, (status: string) => void>;
  closeAll: () => void;
}

export function streamsOf(servers: Servers): Streams {
  const open: http.ClientRequest[] = [];
  const arrivals = new Map<string, (status: string) => void>();
  const openStream = async (id: string) => {
    const stream = await openSse(`${APP}/api/payments/${id}/events`, { cookie: servers.cookie }, (data) =>
      arrivals.get(id)?.((JSON.parse(data) as { status: string }).status),
    );
    open.push(stream.request);
  };
  const closeAll = () => {
    for (const req of open) req.destroy();
    open.length = 0;
  };
  return { open: openStream, arrivals, closeAll };
}

/** Opens one stream per payment, 100 at a time; answers the RSS before and after, in KiB. */
export async function openPerPayment(servers: Servers, streams: Streams, payments: Created[]) {
  await settle();
  const baseline = rssKb(servers.app.pid!);
  for (let i = 0; i < payments.length; i += 100)
    await Promise.all(payments.slice(i, i + 100).map((p) => streams.open(p.id)));
  await settle();
  return { baseline, after: rssKb(servers.app.pid!) };
}
