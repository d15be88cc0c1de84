import "server-only";
import { lookup } from "node:dns/promises";
import net from "node:net";

// Where Malipo may send a request on someone else's say-so (a merchant's webhook_url). Loopback, private,
// link-local (cloud metadata at 169.254.169.254), CGNAT, multicast and reserved ranges are refused, in
// IPv4 and IPv6 including the IPv4-mapped and NAT64 forms, so a URL cannot be used to reach inside the
// network Malipo runs in. The check runs on the resolved address, at creation and again at send time.

const v4Blocked = new net.BlockList();
for (const [prefix, bits] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // CGNAT
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  v4Blocked.addSubnet(prefix, bits, "ipv4");
}
const v4Loopback = new net.BlockList();
v4Loopback.addSubnet("127.0.0.0", 8, "ipv4");

const v6Blocked = new net.BlockList();
for (const [prefix, bits] of [
  ["::", 128], // unspecified
  ["100::", 64], // discard
  ["2001:db8::", 32], // documentation
  ["2002::", 16], // 6to4 may wrap any IPv4 address
  ["fc00::", 7], // unique local (includes AWS's fd00:ec2::254)
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
] as const) {
  v6Blocked.addSubnet(prefix, bits, "ipv6");
}

/** The IPv4 address inside ::ffff:a.b.c.d, ::ffff:7f00:1, ::a.b.c.d or 64:ff9b::/96, if any. */
function embeddedV4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex) return undefined;
  const hi = parseInt(hex[1]!, 16);
  const lo = parseInt(hex[2]!, 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

export type AddressKind = "public" | "loopback" | "internal";

export function classifyAddress(address: string): AddressKind {
  const bare = address.replace(/^\[|\]$/g, "");
  const family = net.isIP(bare);
  if (family === 4) {
    if (v4Loopback.check(bare, "ipv4")) return "loopback";
    return v4Blocked.check(bare, "ipv4") ? "internal" : "public";
  }
  if (family === 6) {
    const inner = embeddedV4(bare);
    if (inner) return classifyAddress(inner) === "public" ? "public" : "internal";
    if (new net.SocketAddress({ address: bare, family: "ipv6" }).address === "::1") return "loopback";
    return v6Blocked.check(bare, "ipv6") ? "internal" : "public";
  }
  return "internal"; // not an address at all: never "safe"
}

export function addressAllowed(address: string, allowLoopback: boolean): boolean {
  const kind = classifyAddress(address);
  return kind === "public" || (kind === "loopback" && allowLoopback);
}

export class OutboundUrlError extends Error {
  override name = "OutboundUrlError";
}

/**
 * Resolves the URL's host and refuses it unless every address is allowed. Loopback is allowed only in
 * sandbox mode, where the demo merchant runs on the same machine.
 */
export async function assertSafeOutboundUrl(raw: string, allowLoopback: boolean): Promise<void> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundUrlError("not a URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new OutboundUrlError("not http(s)");
  if (url.username || url.password) throw new OutboundUrlError("credentials in the URL are not allowed");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (net.isIP(host)) {
    addresses = [host];
  } else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      throw new OutboundUrlError("the host does not resolve");
    }
  }
  if (addresses.length === 0) throw new OutboundUrlError("the host does not resolve");
  if (!addresses.every((a) => addressAllowed(a, allowLoopback))) {
    throw new OutboundUrlError("the host is a loopback, private, link-local or reserved address");
  }
}
