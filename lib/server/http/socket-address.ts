import "server-only";
import type http from "node:http";
import { SOCKET_ADDRESS_HEADER } from "./client-address";

// Next.js route handlers never see the TCP socket, and `next start` keeps an X-Forwarded-For the client
// wrote itself. So before Next.js reads a request, the HTTP server copies the socket's peer address into a
// header of our own, replacing any value a client sent under that name (called by request-gate.ts).

export function stampSocketAddress(req: http.IncomingMessage): void {
  const address = req.socket?.remoteAddress;
  if (address) req.headers[SOCKET_ADDRESS_HEADER] = address;
  else delete req.headers[SOCKET_ADDRESS_HEADER];
}
