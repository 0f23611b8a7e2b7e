/**
 * Debian's Chromium for every browser test (stories and the example app); no
 * browser is downloaded. `CHROMIUM_PATH` overrides the path. Without the
 * background-networking flags Chromium keeps dialing Google's hosts, which
 * this closed network refuses.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
