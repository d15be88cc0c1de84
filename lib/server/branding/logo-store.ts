import "server-only";
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { MAX_LOGO_BYTES, sniffLogoType } from "@/lib/image-type";
import type { Db } from "@/lib/server/db/client";
import { brandLogo } from "@/lib/server/db/schema";
import { ApiError } from "@/lib/server/http/api-error";
import { log } from "@/lib/server/log";

// The uploaded logo (README "Branding"), one row in the database so every instance on one PostgreSQL
// serves the same image. Every check runs before the write: a refused upload leaves the old logo as it was.

const ROW_ID = 1;

export interface LogoVersion {
  etag: string;
  contentType: string;
  size: number;
  updatedAt: Date;
}

export interface StoredLogo extends LogoVersion {
  bytes: Buffer;
}

/** Stores `bytes` as the shop's logo in place of any earlier one, once they pass every check. */
export async function saveLogo(db: Db, bytes: Buffer, staffId: string): Promise<LogoVersion> {
  if (bytes.length === 0) throw new ApiError("VALIDATION_ERROR", "Choose an image file to upload.");
  if (bytes.length > MAX_LOGO_BYTES) throw tooLarge();
  const contentType = sniffLogoType(bytes);
  if (!contentType) {
    throw new ApiError(
      "UNSUPPORTED_MEDIA_TYPE",
      "The logo must be a PNG, JPEG or WebP image. Other files, SVG included, are refused.",
    );
  }
  // A content hash: the same image uploaded twice keeps its URL, so browsers keep their cached copy.
  const etag = createHash("sha256").update(bytes).digest("base64url").slice(0, 22);
  const values = { contentType, bytes, etag, updatedBy: staffId, updatedAt: new Date() };
  await db
    .insert(brandLogo)
    .values({ id: ROW_ID, ...values })
    .onConflictDoUpdate({ target: brandLogo.id, set: values });
  log.info("brand logo uploaded", { contentType, size: bytes.length, staffId });
  return { etag, contentType, size: bytes.length, updatedAt: values.updatedAt };
}

export function tooLarge(): ApiError {
  return new ApiError("PAYLOAD_TOO_LARGE", `The logo is larger than ${MAX_LOGO_BYTES / 1024} KiB.`);
}

/** Removes the uploaded logo; the pages fall back to MERCHANT_LOGO_URL, or to no logo. */
export async function removeLogo(db: Db, staffId: string): Promise<void> {
  const removed = await db.delete(brandLogo).where(eq(brandLogo.id, ROW_ID)).returning({ id: brandLogo.id });
  if (removed.length > 0) log.info("brand logo removed", { staffId });
}

/** The uploaded logo's version without its bytes (what every page needs), or null when there is none. */
export async function logoVersion(db: Db): Promise<LogoVersion | null> {
  const [row] = await db
    .select({
      etag: brandLogo.etag,
      contentType: brandLogo.contentType,
      size: sql<number>`octet_length(${brandLogo.bytes})::int`,
      updatedAt: brandLogo.updatedAt,
    })
    .from(brandLogo)
    .where(eq(brandLogo.id, ROW_ID));
  return row ?? null;
}

export async function loadLogo(db: Db): Promise<StoredLogo | null> {
  const [row] = await db.select().from(brandLogo).where(eq(brandLogo.id, ROW_ID));
  return row
    ? {
        etag: row.etag,
        contentType: row.contentType,
        size: row.bytes.length,
        updatedAt: row.updatedAt,
        bytes: row.bytes,
      }
    : null;
}
