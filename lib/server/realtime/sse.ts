import "server-only";

// Server-sent events framing (docs/api.md#live-status). Frames are written by hand: the format is four
// lines and a library would add nothing.

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
  Connection: "keep-alive",
} as const;

export function sseFrame(event: string, id: number | string, data: unknown): string {
  // JSON.stringify never emits a raw newline, so one data: line is always enough.
  return `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export const SSE_RETRY = "retry: 3000\n\n";
export const SSE_PING = ": ping\n\n";
/** The last words of a stream ended by a graceful shutdown: reconnect soon (to another instance). */
export const SSE_SHUTDOWN = "retry: 1000\n: server shutting down, reconnect\n\n";

/** Parses Last-Event-ID; anything but a non-negative integer means "no replay point". */
export function parseLastEventId(value: string | null): number | undefined {
  if (!value || !/^\d{1,15}$/.test(value.trim())) return undefined;
  return Number(value.trim());
}
