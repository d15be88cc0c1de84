import "server-only";

// Who is asking, for throttling. X-Forwarded-For is written by whoever sends the request, so it counts
// only as far as TRUSTED_PROXY_HOPS proxies vouch for it: each appends the address it saw, so the client
// is the entry `hops` places from the right. With no trusted proxy the socket's address is the client;
// the server stamps it into SOCKET_ADDRESS_HEADER (lib/server/http/socket-address.ts), overwriting
// anything a client sent under that name.

export const SOCKET_ADDRESS_HEADER = "x-malipo-socket-address";

export function clientAddress(request: Request, trustedProxyHops: number): string {
  const socket = request.headers.get(SOCKET_ADDRESS_HEADER)?.trim() || "unknown";
  if (trustedProxyHops === 0) return socket;
  const chain = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than trusted proxies: every entry was written by one of them; the first is the client.
  return chain.at(-trustedProxyHops) ?? chain[0] ?? socket;
}
