import { useEffect, useState } from "react";
import { BillingPage, BillingPortalProvider, type Locale } from "@ching/billing-portal-react";

interface SignedInUser {
  id: "a" | "b";
  name: string;
}

// The shop's own strings (the library's come from its catalogs).
const text = {
  he: {
    shop: "חנות הדגמה",
    signIn: "כניסה בתור",
    signOut: "יציאה",
    signedInAs: "מחובר/ת בתור",
    switchTo: "English",
    pick: "בחרו משתמש הדגמה:",
  },
  en: {
    shop: "Demo shop",
    signIn: "Sign in as",
    signOut: "Sign out",
    signedInAs: "Signed in as",
    switchTo: "עברית",
    pick: "Pick a demo user:",
  },
} as const;

const DEMO_USERS = [
  { id: "a", label: "A (אביגיל)" },
  { id: "b", label: "B (Ben)" },
] as const;

export function App() {
  const [user, setUser] = useState<SignedInUser | null | undefined>(undefined);
  const [locale, setLocale] = useState<Locale>("he");
  const t = text[locale];

  useEffect(() => {
    void fetch("/auth/me")
      .then((response) => response.json() as Promise<SignedInUser | null>)
      .then(setUser);
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = locale === "he" ? "rtl" : "ltr";
  }, [locale]);

  async function signIn(id: "a" | "b") {
    await fetch(`/auth/sign-in/${id}`, { method: "POST" });
    setUser((await (await fetch("/auth/me")).json()) as SignedInUser);
  }

  async function signOut() {
    await fetch("/auth/sign-out", { method: "POST" });
    setUser(null);
  }

  return (
    <div className="shop">
      <header className="shop-header">
        <strong>{t.shop}</strong>
        <button type="button" onClick={() => setLocale(locale === "he" ? "en" : "he")} lang={locale === "he" ? "en" : "he"}>
          {t.switchTo}
        </button>
        {user && (
          <>
            <span>
              {t.signedInAs} <b data-testid="signed-in-user">{user.id.toUpperCase()}</b>
            </span>
            <button type="button" onClick={() => void signOut()}>
              {t.signOut}
            </button>
          </>
        )}
      </header>
      <main className="shop-main">
        {user === null && (
          <section className="shop-pick" aria-label={t.pick}>
            <p>{t.pick}</p>
            {DEMO_USERS.map((demo) => (
              <button key={demo.id} type="button" onClick={() => void signIn(demo.id)}>
                {t.signIn} {demo.label}
              </button>
            ))}
          </section>
        )}
        {user && (
          // A provider per signed-in user: its own cache, so nothing of one user reaches the next.
          <BillingPortalProvider key={user.id} endpoint="/api/billing" locale={locale}>
            <BillingPage />
          </BillingPortalProvider>
        )}
      </main>
    </div>
  );
}

