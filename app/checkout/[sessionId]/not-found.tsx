import { getRequestLocale } from "@/lib/server/locale";
import { translate } from "@/lib/i18n";

// A mistyped, truncated or made-up link: say so plainly, with what to do next (404 status).
export default async function CheckoutNotFound() {
  const locale = await getRequestLocale();
  return (
    <main id="main" className="mx-auto flex max-w-md flex-col gap-3 px-4 py-10 text-center">
      <h1 className="text-2xl font-bold" data-testid="checkout-not-found">
        {translate(locale, "checkout.notFound")}
      </h1>
      <p className="text-ink-muted">{translate(locale, "checkout.notFoundHint")}</p>
    </main>
  );
}
