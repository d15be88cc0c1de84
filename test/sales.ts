// The sales the payments tests ring up: a PayGrid dynamic QR and a SplashPay TANQR with a billing address.
// Plain data with no imports, so the e2e specs can send the very same sales over HTTP.

export const qrSale = (overrides: Record<string, unknown> = {}) => ({
  provider: "paygrid",
  method: "dynamic-qr",
  amount: "5000",
  currency: "TZS",
  phone: "0712345678",
  customer: { firstname: "Asha", lastname: "Mushi", email: "asha@example.com" },
  ...overrides,
});

export const tanqrSale = (overrides: Record<string, unknown> = {}) => ({
  provider: "splashpay",
  method: "tanqr",
  amount: "1000",
  currency: "TZS",
  phone: "0744123456",
  customer: {
    firstname: "John",
    lastname: "Doe",
    email: "john.doe@example.com",
    address: "Bwawani, Mkonze",
    city: "Dodoma",
    state: "Dodoma",
    postcode: "67116",
    country: "TZ",
  },
  ...overrides,
});
