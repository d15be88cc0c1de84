// Where a paid shopper goes back to: the merchant's success_url with the session id added, so the shop
// can look the session up (GET /api/checkout-sessions/:id) instead of trusting the redirect alone.
// The shop's own query parameters and fragment are kept.

export const SESSION_ID_PARAM = "checkout_session_id";

export function successReturnUrl(successUrl: string, sessionId: string): string {
  const url = new URL(successUrl);
  url.searchParams.set(SESSION_ID_PARAM, sessionId);
  return url.toString();
}
