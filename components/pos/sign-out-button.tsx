"use client";

import { useRouter } from "next/navigation";
import { useI18n } from "@/components/i18n/i18n-provider";
import { forgetRecentCustomers } from "@/components/payment/recent-customers";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const { t } = useI18n();
  const router = useRouter();
  return (
    <Button
      variant="ghost"
      onClick={async () => {
        // Customers' names, phones and addresses must not wait on a shared tablet for the next person.
        forgetRecentCustomers();
        await fetch("/api/session", { method: "DELETE" }).catch(() => undefined);
        router.replace("/sign-in");
        router.refresh();
      }}
    >
      {t("nav.signOut")}
    </Button>
  );
}
