// Well-known sandbox credentials (docs/providers.md#splashpay-sandbox). They are public test values, not secrets: the app
// uses them only when SplashPay runs against the built-in sandbox.
export const SANDBOX_SPLASHPAY_API_KEY = "pk_test_malipo_sandbox";
export const SANDBOX_SPLASHPAY_API_SECRET = "sk_test_malipo_sandbox";
export const SANDBOX_SPLASHPAY_WEBHOOK_SECRET = "whsec_malipo_sandbox_splashpay";
