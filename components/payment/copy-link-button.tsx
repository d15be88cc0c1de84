"use client";

import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import type { MessageKey } from "@/lib/i18n-base";

export function CopyLinkButton({
  url,
  label = "pay.copyLink",
  done = "pay.copied",
}: {
  url: string;
  label?: MessageKey;
  done?: MessageKey;
}) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <Button
      variant="secondary"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(url);
        } catch {
          // No clipboard over plain http: select-and-copy from a prompt still works everywhere.
          window.prompt(t(label), url);
        }
        setCopied(true);
        setTimeout(() => setCopied(false), 2_000);
      }}
    >
      <span aria-live="polite">{copied ? t(done) : t(label)}</span>
    </Button>
  );
}
