import "server-only";
import { ApiError } from "./api-error";

export const MAX_BODY_BYTES = 64 * 1024;

/** Reads the raw body with a size cap (docs/api.md#errors: bodies over 64 KiB → 413), without trusting Content-Length. */
export async function readRawBody(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  return (await readRawBytes(request, limit)).toString("utf8");
}

/** The raw body as bytes, refused with 413 (and `tooLarge` as the message) past `limit` bytes. */
export async function readRawBytes(
  request: Request,
  limit: number,
  tooLarge = `The body is larger than ${limit} bytes.`,
): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw new ApiError("PAYLOAD_TOO_LARGE", tooLarge);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new ApiError("PAYLOAD_TOO_LARGE", tooLarge);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Reads a JSON body: 415 for another content type, 400 for malformed JSON, 413 when too large. */
export async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new ApiError("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json.");
  }
  const raw = await readRawBody(request);
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new ApiError("VALIDATION_ERROR", "The body is not valid JSON.");
  }
}
