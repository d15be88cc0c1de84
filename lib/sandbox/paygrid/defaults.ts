// Well-known sandbox credentials (docs/providers.md#paygrid-sandbox). They are public test values, not secrets:
// the app uses them only when PayGrid runs against the built-in sandbox.
export const SANDBOX_PAYGRID_API_KEY = "sk_test_malipo_sandbox";
export const SANDBOX_PAYGRID_WEBHOOK_SIGNING_KEY = "whsec_malipo_sandbox_paygrid";
