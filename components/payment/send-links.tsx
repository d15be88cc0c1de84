"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { buttonClass } from "@/components/ui/button";

// Send by SMS / on WhatsApp: plain links that open the phone's own apps with the text filled in, so no
// number is typed into Malipo and none is stored. `sms:?&body=` is read by both Android and iOS.
export function SendLinks({ text, testIdPrefix }: { text: string; testIdPrefix?: string }) {
  const { t } = useI18n();
  const body = encodeURIComponent(text);
  return (
    <>
      <a
        className={buttonClass("secondary")}
        href={`sms:?&body=${body}`}
        data-testid={testIdPrefix ? `${testIdPrefix}-sms` : undefined}
      >
        {t("link.sms")}
      </a>
      <a
        className={buttonClass("secondary")}
        href={`https://wa.me/?text=${body}`}
        target="_blank"
        rel="noopener noreferrer"
        data-testid={testIdPrefix ? `${testIdPrefix}-whatsapp` : undefined}
      >
        {t("link.whatsapp")}
      </a>
    </>
  );
}
