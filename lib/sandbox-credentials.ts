// Well-known credentials of the built-in sandbox providers (docs/providers.md#paygrid-sandbox, docs/providers.md#splashpay-sandbox). They are public test
// values, not secrets. Two sides need the same values: the env module hands them to the app when a provider
// runs in sandbox mode, and the sandbox accepts them by default. Both import them from here, so the product
// never imports the sandbox and the values are still written once.

export const SANDBOX_PAYGRID_API_KEY = "sk_test_malipo_sandbox";
export const SANDBOX_PAYGRID_WEBHOOK_SIGNING_KEY = "whsec_malipo_sandbox_paygrid";

export const SANDBOX_SPLASHPAY_API_KEY = "pk_test_malipo_sandbox";
export const SANDBOX_SPLASHPAY_API_SECRET = "sk_test_malipo_sandbox";
export const SANDBOX_SPLASHPAY_WEBHOOK_SECRET = "whsec_malipo_sandbox_splashpay";
