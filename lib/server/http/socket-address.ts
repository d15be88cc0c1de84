import "server-only";
import http from "node:http";
import { SOCKET_ADDRESS_HEADER } from "./client-address";

// Next.js route handlers never see the TCP socket, and `next start` keeps an X-Forwarded-For the client
// wrote itself. So before Next.js reads a request, the HTTP server copies the socket's peer address into a
// header of our own, replacing any value a client sent under that name.

const holder = globalThis as typeof globalThis & { __malipoSocketAddress?: boolean };

export function stampSocketAddress(req: http.IncomingMessage): void {
  const address = req.socket?.remoteAddress;
  if (address) req.headers[SOCKET_ADDRESS_HEADER] = address;
  else delete req.headers[SOCKET_ADDRESS_HEADER];
}

export function installSocketAddressHeader(): void {
  if (holder.__malipoSocketAddress) return;
  holder.__malipoSocketAddress = true;
  const emit = http.Server.prototype.emit as (
    this: http.Server,
    event: string,
    ...args: unknown[]
  ) => boolean;
  http.Server.prototype.emit = function patchedEmit(this: http.Server, event: string, ...args: unknown[]) {
    if (event === "request") stampSocketAddress(args[0] as http.IncomingMessage);
    return emit.call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
}
