import "server-only";
import { getEnv } from "@/lib/server/env";
import { ApiError, type FieldError } from "@/lib/server/http/api-error";
import { assertSafeOutboundUrl, OutboundUrlError } from "@/lib/server/http/outbound-url";

// Where a checkout session may send people and notices. A cashier's payment link is Malipo's own: it
// returns to Malipo's pages and notifies only the configured MERCHANT_WEBHOOK_URL, so a till cannot be
// used to point the shop's domain (an open redirect) or its server (SSRF) anywhere. The merchant key may set
// both, within MERCHANT_REDIRECT_ORIGINS when that is set, and webhook_url must resolve to a public address.

interface SessionUrls {
  success_url: string;
  cancel_url: string;
  webhook_url?: string | undefined;
}

export async function checkSessionUrls(createdBy: string, input: SessionUrls): Promise<void> {
  const env = getEnv();
  const merchant = createdBy === "merchant";
  if (!merchant && input.webhook_url !== undefined) {
    throw new ApiError("FORBIDDEN", "Only the merchant API key may set webhook_url.");
  }
  const own = new URL(env.publicBaseUrl).origin;
  const allowed = merchant ? env.merchantRedirectOrigins : [own];
  const fields: FieldError[] = [];
  if (allowed.length > 0) {
    for (const path of ["success_url", "cancel_url"] as const) {
      if (!allowed.includes(new URL(input[path]).origin)) {
        fields.push({
          path,
          message: merchant
            ? `must start with one of MERCHANT_REDIRECT_ORIGINS (${allowed.join(", ")})`
            : `a register's payment link returns to Malipo's own pages (${own})`,
        });
      }
    }
  }
  if (input.webhook_url !== undefined) {
    try {
      await assertSafeOutboundUrl(input.webhook_url, env.sandbox);
    } catch (error) {
      if (!(error instanceof OutboundUrlError)) throw error;
      fields.push({ path: "webhook_url", message: `not allowed: ${error.message}` });
    }
  }
  if (fields.length > 0) {
    throw new ApiError("VALIDATION_ERROR", "The checkout session's URLs are not allowed.", { fields });
  }
}
