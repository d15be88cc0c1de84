import fc from "fast-check";

// Generators for hostile requests: bodies that are not what a route expects (random JSON, a valid body
// with one field broken, truncated JSON, raw bytes, huge strings, deep nesting), hostile headers
// (idempotency keys, cookies, content types, origins, bearer tokens) and query strings. Every request
// they make must be refused or answered harmlessly: never a 5xx, never a row written.

export interface FuzzCase {
  /** The raw body bytes, or undefined for no body. */
  body?: string | Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
  query: string;
  /** The path parameter, when the route has one. */
  id?: string;
}

/** Printable ASCII only: anything else cannot travel in an HTTP header at all. */
const headerText = (maxLength: number) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength });

const huge = fc
  .tuple(fc.integer({ min: 10_000, max: 200_000 }), fc.constantFrom("x", "9", "é", "\u0000", "🙂"))
  .map(([n, c]) => c.repeat(n));

/** Deep nesting as text (a parser's recursion is the target; building the value here would recurse too). */
const deepText = fc
  .tuple(fc.integer({ min: 20, max: 20_000 }), fc.constantFrom(["[", "]"], ['{"a":', "}"]))
  .map(([d, [open, close]]) => `${open!.repeat(d)}1${close!.repeat(d)}`);
/** A nested value small enough to build, deep enough to exceed any sane schema. */
const deepArray = fc
  .integer({ min: 20, max: 200 })
  .map((d) => JSON.parse("[".repeat(d) + "]".repeat(d)) as unknown);

/**
 * Values that are never valid in place of a scalar or nested-object field: arrays, booleans, nested
 * structures, and strings far beyond any field's length. (No plain objects or short strings: those
 * could be a valid value for some field and would make a "malformed" body valid by chance.)
 */
const badValue = fc.oneof(
  huge,
  fc.boolean(),
  fc.array(fc.jsonValue(), { maxLength: 5 }),
  deepArray,
  fc.constant(null),
  fc.constant(Number.MAX_SAFE_INTEGER * 1e10),
  fc.double({ noNaN: true, min: -1e6, max: 1e6 }).filter((n) => !Number.isInteger(n)),
);

/** Raw bodies for a route whose valid body looks like `sample` (or none for routes without a body). */
export function bodyArbitrary(
  sample?: Record<string, unknown>,
): fc.Arbitrary<string | Uint8Array<ArrayBuffer> | undefined> {
  const kinds: fc.Arbitrary<string | Uint8Array<ArrayBuffer> | undefined>[] = [
    fc.constant(undefined),
    fc.constant(""),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.uint8Array({ maxLength: 2_000 }).map((bytes) => new Uint8Array(bytes)),
    fc.string({ maxLength: 500 }),
    huge,
    deepText,
    fc.integer({ min: 1, max: 100_000 }).map((d) => "[".repeat(d)),
  ];
  if (sample) {
    const keys = Object.keys(sample);
    const text = JSON.stringify(sample);
    kinds.push(
      fc
        .tuple(fc.constantFrom(...keys), badValue)
        .map(([key, value]) => JSON.stringify({ ...sample, [key]: value })),
      fc.integer({ min: 0, max: text.length - 1 }).map((n) => text.slice(0, n)),
      fc
        .dictionary(headerText(12), badValue, { minKeys: 1, maxKeys: 3 })
        .map((extra) => JSON.stringify({ ...sample, ...extra, [keys[0]!]: [] })),
    );
  }
  return fc.oneof(...kinds);
}

const contentType = fc.oneof(
  fc.constantFrom(
    "application/json",
    "application/json; charset=utf-16",
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=----x",
    "application/octet-stream",
    "",
  ),
  headerText(80),
);

const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)).map(([a, b, c]) => `198.${a}.${b}.${c}`);

/**
 * Headers: each is absent, hostile or (for the cookie) the caller's own, so authenticated routes are
 * reached as the signed-in caller as well as with a broken session.
 */
export function headersArbitrary(signedInCookie: string): fc.Arbitrary<Record<string, string>> {
  return fc.record(
    {
      "content-type": contentType,
      "idempotency-key": fc.oneof(
        headerText(300),
        huge.map((s) => s.replace(/[^\x20-\x7e]/g, "k")),
      ),
      cookie: fc.oneof(
        fc.constant(signedInCookie),
        fc.constant(signedInCookie),
        headerText(300).map((junk) => `${signedInCookie}; ${junk}`),
        headerText(300),
        headerText(200).map((junk) => `${signedInCookie.split("=")[0]}=${junk}`),
      ),
      authorization: fc.oneof(
        headerText(200).map((t) => `Bearer ${t}`),
        headerText(200),
        fc.constant("Bearer mk_test_"),
      ),
      origin: fc.constantFrom("http://localhost:3000", "https://evil.example", "null", ""),
      "last-event-id": headerText(100),
      "x-forwarded-for": headerText(100),
      "x-malipo-socket-address": ipv4,
    },
    { requiredKeys: ["cookie", "x-malipo-socket-address", "origin"] },
  );
}

const queryString = fc.oneof(
  fc.constant(""),
  fc
    .array(fc.tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 60 })), { maxLength: 6 })
    .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&")),
  fc
    .tuple(fc.constantFrom("limit", "cursor", "status", "staff", "register", "from", "to"), badQueryValue())
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`),
  fc.constantFrom("%", "%zz", "%E0%A4%A", "a=%00", "limit=-1", "limit=1e309", "a&&&=&="),
);

function badQueryValue(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ maxLength: 50 }),
    fc.integer().map(String),
    fc.double().map(String),
    huge.map((s) => s.slice(0, 20_000)),
  );
}

const idArbitrary = (realId: string) =>
  fc.oneof(
    fc.constant(realId),
    fc.string({ maxLength: 80 }),
    fc.constantFrom("../../etc/passwd", "%00", "' OR 1=1 --", "pay_", `${realId}x`, realId.toUpperCase()),
    huge.map((s) => s.slice(0, 50_000)),
  );

export function caseArbitrary(options: {
  sample?: Record<string, unknown>;
  signedInCookie: string;
  /** The route's real resource id, when the path has one: fuzzed requests use it and random ids. */
  realId?: string;
}): fc.Arbitrary<FuzzCase> {
  return fc.record({
    body: bodyArbitrary(options.sample),
    headers: headersArbitrary(options.signedInCookie),
    query: queryString,
    id: options.realId === undefined ? fc.constant(undefined) : idArbitrary(options.realId),
  });
}
