"use client";

import { ErrorScreen } from "@/components/errors/error-screen";
import { useI18n } from "@/components/i18n/i18n-provider";

// A page that threw: the root layout (and its language) still stands, so the message is localised and
// the cashier can try again or go back to the start. The error's text never reaches the screen.
export default function RouteError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { t } = useI18n();
  return <ErrorScreen t={t} onRetry={reset} />;
}
