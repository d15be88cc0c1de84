import Link from "next/link";
import { MessageScreen } from "@/components/errors/message-screen";
import { buttonClass } from "@/components/ui/button";
import { getRequestLocale } from "@/lib/server/locale";
import { translate } from "@/lib/i18n";

// Any URL with no page, and any notFound() without a closer not-found page: said plainly in the visitor's
// language, with a way back (the status stays 404).
export default async function NotFound() {
  const locale = await getRequestLocale();
  return (
    <MessageScreen
      title={translate(locale, "errors.notFoundTitle")}
      text={translate(locale, "errors.notFoundText")}
      testId="not-found"
    >
      <Link href="/" className={buttonClass("primary")}>
        {translate(locale, "errors.backHome")}
      </Link>
    </MessageScreen>
  );
}
