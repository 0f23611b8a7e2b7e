/**
 * The example merchant app in a real browser (Debian's Chromium through
 * playwright-core): user A signs in, creates a customer with a national phone
 * number, sees it on the profile, edits it, switches to English and back, signs
 * out; user B signs in and sees no trace of A. Between, A adds a card on the
 * in-memory Ching's hosted page, comes back to "Card •••• 5555 added" and the new
 * row, and removes it through the confirm dialog; a receipt link answers a PDF, and
 * the manage button goes to the hosted portal and its "Back to site" link comes back.
 * Screenshots of the billing page, the profile and the form in Hebrew and English go
 * to docs/screenshots/ for the README.
 *
 *   npm run test:e2e
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium, type Page } from "playwright-core";
import { en, he } from "../src/core/messages";
import { startExample } from "../examples/merchant-app/server";
import { chromiumArgs as args, chromiumPath as executablePath } from "./chromium";

const root = fileURLToPath(new URL("..", import.meta.url));
const shots = `${root}docs/screenshots`;

let passed = 0;
let failed = 0;
async function step(name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
    passed += 1;
    console.log(`  ✓ ${name}`);
  } catch (error) {
    failed += 1;
    console.log(`  ✗ ${name}`);
    throw error;
  }
}

function expectText(actual: string | null, expected: string | RegExp, what: string): void {
  const ok = typeof expected === "string" ? actual?.includes(expected) : expected.test(actual ?? "");
  if (!ok) throw new Error(`${what}: expected ${String(expected)} in ${JSON.stringify(actual)}`);
}

async function profileText(page: Page): Promise<string> {
  return (await page.locator("section.ching-profile").innerText()).replace(/\s+/g, " ");
}

mkdirSync(shots, { recursive: true });
const example = await startExample({ port: 0, quiet: true });
const browser = await chromium.launch({ executablePath, args, headless: true });
const page = await browser.newPage({ viewport: { width: 900, height: 820 }, deviceScaleFactor: 1 });
/** A screenshot into docs/screenshots/ once every running animation finished (a dialog fading and sliding in): what a person sees, not a frame of it. */
async function shot(name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))));
  await page.screenshot({ path: `${shots}/${name}.png`, ...options });
}
page.setDefaultTimeout(10_000);
const consoleErrors: string[] = [];
page.on("response", (response) => {
  if (response.status() >= 400) console.log(`    (${response.status()} ${response.request().method()} ${new URL(response.url()).pathname})`);
});
page.on("console", (message) => {
  if (message.type() === "error") consoleErrors.push(message.text() + ` (${message.location().url})`);
});

console.log(`example merchant app at ${example.url} (Ching: ${example.backend})`);
try {
  await page.goto(example.url);

  await step("user A signs in and has no customer yet", async () => {
    await page.getByRole("button", { name: /A \(/ }).click();
    await page.getByText(he["profile.noCustomer.title"]).waitFor();
  });

  await step("A creates a customer with a national phone number", async () => {
    await page.getByRole("button", { name: he["profile.noCustomer.create"] }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await dialog.getByLabel(he["form.name"], { exact: false }).fill("אביגיל כהן");
    await dialog.getByLabel(he["form.phone"], { exact: false }).pressSequentially("050-123-4567");
    await shot("form-he");
    await dialog.getByRole("button", { name: he["form.submit.create"] }).click();
    await dialog.waitFor({ state: "detached" });
  });

  await step("the profile shows the new customer, the phone the local way for a Hebrew reader", async () => {
    await page.getByRole("button", { name: he["profile.edit"] }).waitFor();
    const text = await profileText(page);
    expectText(text, "אביגיל כהן", "name");
    expectText(text, "avigail@example.com", "email from the signed-in user");
    expectText(text, "050-123-4567", "phone");
    await shot("profile-he");
  });

  await step("the billing page shows A's payments, and a receipt link answers a PDF", async () => {
    // The example seeds a year of demo billing when the customer is made; the page read the
    // (then empty) history before that, so it is loaded afresh.
    await page.reload();
    const history = page.getByRole("region", { name: he["history.title"] });
    await history.getByRole("rowheader", { name: "Hardware deposit" }).waitFor();
    const receipt = history.getByRole("link", { name: /^חשבונית מס קבלה \d+/ }).first();
    await receipt.waitFor();
    if ((await receipt.getAttribute("target")) !== "_blank") throw new Error("the receipt link does not open a new tab");
    const href = await receipt.getAttribute("href");
    if (!href?.startsWith("/api/billing/customers/me/documents/")) throw new Error(`receipt href ${href}`);
    // Followed as the browser would (with A's cookie): the endpoint redirects to Ching's PDF.
    const pdf = await page.context().request.get(new URL(href, page.url()).href);
    if (!pdf.ok() || !pdf.headers()["content-type"]?.startsWith("application/pdf")) {
      throw new Error(`the receipt answered ${pdf.status()} ${pdf.headers()["content-type"]}`);
    }
    const body = await pdf.body();
    if (body.subarray(0, 5).toString() !== "%PDF-") throw new Error("the receipt is not a PDF");
    await shot("billing-page-he", { fullPage: true });
  });

  await step("the manage button goes to the hosted portal, and its back link returns to the billing page", async () => {
    const back = new URL(page.url());
    await page.getByRole("region", { name: he["page.manage.title"] }).getByRole("button", { name: he["portal.manage"] }).click();
    await page.waitForURL((url) => url.origin !== back.origin);
    await page.getByRole("link", { name: /Back to site|חזרה לאתר/ }).click();
    await page.waitForURL((url) => url.origin === back.origin);
    await page.getByRole("region", { name: he["history.title"] }).getByRole("rowheader", { name: "Hardware deposit" }).waitFor();
  });

  await step("A edits the name", async () => {
    await page.getByRole("button", { name: he["profile.edit"] }).click();
    const dialog = page.getByRole("dialog");
    const name = dialog.getByLabel(he["form.name"], { exact: false });
    await name.fill("אביגיל כהן-לוי");
    await dialog.getByRole("button", { name: he["form.submit.update"] }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByText("אביגיל כהן-לוי").waitFor();
  });

  await step("switching to English re-renders the profile left to right, and back", async () => {
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: en["profile.title"] }).waitFor();
    const dir = await page.locator("section.ching-profile").getAttribute("dir");
    if (dir !== "ltr") throw new Error(`dir is ${dir}`);
    await shot("profile-en");
    await page.getByRole("region", { name: en["history.title"] }).getByRole("rowheader", { name: "Hardware deposit" }).waitFor();
    await shot("billing-page-en", { fullPage: true });
    await page.getByRole("button", { name: en["profile.edit"] }).click();
    await page.getByRole("dialog").waitFor();
    await shot("form-en");
    // On a phone the dialog is a bottom sheet with its actions in a sticky footer.
    await page.setViewportSize({ width: 375, height: 560 });
    await page.waitForTimeout(400); // the sheet slides in again at the new size
    await shot("form-en-phone");
    await page.setViewportSize({ width: 900, height: 820 });
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await page.getByRole("button", { name: "עברית" }).click();
    await page.getByRole("heading", { name: he["profile.title"] }).waitFor();
  });

  // The example seeds a demo history for a new customer (three cards, one expired), so the
  // added card is told apart by the row count and by focus, not by its brand and digits.
  const rowCount = () => page.evaluate(() => document.querySelectorAll("section.ching-cards li.ching-pm").length);
  let cardsBefore = 0;
  let addedAt = -1;
  await step("A adds a card on the hosted page and comes back to it, announced and focused", async () => {
    const cards = page.locator("section.ching-cards");
    await cards.locator("li.ching-pm").first().waitFor();
    cardsBefore = await rowCount();
    await cards.getByRole("button", { name: he["cards.add.test"] }).click();
    // Ching's hosted add-card page (the in-memory one): pick Mastercard 5555 and submit.
    await page.waitForURL((url) => !url.pathname.startsWith("/api") && url.origin !== new URL(example.url).origin);
    await page.getByRole("radio", { name: /5555/ }).check();
    await page.getByRole("button", { name: /הוספת כרטיס|Add card/ }).click();
    await page.waitForURL((url) => url.origin === new URL(example.url).origin);
    const added = he["cards.return.succeeded"].replace("{last4}", "5555");
    await page.getByRole("status").filter({ hasText: added }).waitFor();
    await page.waitForFunction((n) => document.querySelectorAll("section.ching-cards li.ching-pm").length === n, cardsBefore + 1);
    await page.waitForFunction(() => {
      const active = document.activeElement;
      return !!active && active.classList.contains("ching-pm") && (active.textContent ?? "").includes("5555");
    });
    addedAt = await page.evaluate(() => [...document.querySelectorAll("section.ching-cards li.ching-pm")].indexOf(document.activeElement as Element));
    const search = await page.evaluate(() => window.location.search);
    if (search.includes("ching_setup")) throw new Error(`the return's parameters stayed in the URL: ${search}`);
    await cards.scrollIntoViewIfNeeded();
    await shot("payment-methods-he", { fullPage: true });
    await page.getByRole("button", { name: "English" }).click();
    await cards.getByRole("heading", { name: en["cards.title"] }).waitFor();
    await shot("payment-methods-en", { fullPage: true });
    await page.getByRole("button", { name: "עברית" }).click();
    await cards.getByRole("heading", { name: he["cards.title"] }).waitFor();
  });

  await step("A removes the card through the confirm dialog, and focus moves to the next row", async () => {
    const cards = page.locator("section.ching-cards");
    await cards.locator("li.ching-pm").nth(addedAt).getByRole("button", { name: new RegExp(`^${he["cards.remove"]}`) }).click();
    const dialog = page.getByRole("alertdialog", { name: he["cards.confirm.title"] });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: he["cards.confirm.remove"] }).click();
    await dialog.waitFor({ state: "detached" });
    await page.waitForFunction((n) => document.querySelectorAll("section.ching-cards li.ching-pm").length === n, cardsBefore);
    await page.waitForFunction(() => document.activeElement?.classList.contains("ching-pm") ?? false);
  });

  await step("A signs out; B signs in and sees no trace of A", async () => {
    await page.getByRole("button", { name: "יציאה" }).click();
    await page.getByRole("button", { name: /B \(/ }).click();
    await page.getByText(he["profile.noCustomer.title"]).waitFor();
    const body = await page.locator("body").innerText();
    for (const trace of ["אביגיל", "avigail@example.com", "4567"]) {
      if (body.includes(trace)) throw new Error(`B sees ${trace}`);
    }
    // Second wave: a person with no customer yet gets 200 with `data: null` (docs/protocol.md).
    const me = await page.evaluate(async () => {
      const response = await fetch("/api/billing/customers/me");
      return { status: response.status, data: ((await response.json()) as { data?: unknown }).data };
    });
    if (me.status !== 200 || me.data !== null) throw new Error(`B's /customers/me answered ${JSON.stringify(me)}`);
  });

  await step("no errors in the browser console", async () => {
    // B's "no customer yet" is a 404 that the browser logs as a failed resource; nothing else may appear.
    // The browser also asks the in-memory Ching's hosted portal page for a favicon, which
    // that API server refuses (401): not the merchant's page, and not ours to answer.
    const unexpected = consoleErrors.filter((text) => !/404/.test(text) && !/favicon\.ico$/.test(text));
    if (unexpected.length > 0) throw new Error(unexpected.join("\n"));
  });
} finally {
  await browser.close();
  await example.close();
  console.log(`\n${passed} passed, ${failed} failed`);
}
if (failed > 0) process.exit(1);
