import { createServer } from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createBillingPortalHandler, toNodeHandler, type BillingPortalError } from "../../src/server";
import { closeServer, createHarness, keyEchoingHandler, listenOn, TEST_KEY, transports, type Answer, type Harness } from "./harness";

/** The key, and its secret part on its own (as an echo might carry it). */
const needles = [TEST_KEY, TEST_KEY.slice("ck_test_".length)];

function printable(value: unknown, depth = 0): string {
  if (depth > 3) return "";
  if (value instanceof Error) {
    return [value.name, value.message, value.stack ?? "", JSON.stringify(value), printable(value.cause, depth + 1)].join("\n");
  }
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function answerText(answer: Answer): string {
  return [answer.status, answer.text, ...[...answer.headers].map(([name, value]) => `${name}: ${value}`)].join("\n");
}

describe.each(transports)("the API key never leaves the server (%s)", (transport) => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
    vi.restoreAllMocks();
  });

  it("appears in no answer, header, report or console line, whatever goes wrong", async () => {
    const seen: string[] = [];
    for (const method of ["error", "warn", "log", "info", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        seen.push(args.map((arg) => printable(arg)).join(" "));
      });
    }
    const record = (error: BillingPortalError) => seen.push(printable(error));
    const answers: Answer[] = [];

    // Everything working, then every failure the handler reports, with a reporter and with the default one.
    for (const onError of [record, undefined]) {
      harness = await createHarness({ transport, handler: { onError, timeoutMs: 100 } });
      const { call, ching } = harness;
      answers.push(await call("/customers/me"));
      answers.push(await call("/customers", { body: { name: "Alice" } }));
      answers.push(await call("/customers/me"));
      answers.push(await call("/customers/me", { body: { name: "" } }));
      ching.failWith({ status: 401, code: "WRONG_CREDENTIALS", message: `Invalid API key ${TEST_KEY}`, times: 1 });
      answers.push(await call("/customers/me"));
      ching.failWith({ status: 403, code: "NO_ACCESS", message: `key ${TEST_KEY.slice(8)} has no access`, times: 1 });
      answers.push(await call("/customers/me"));
      ching.failWith({
        status: 400,
        code: "INVALID_FIELD",
        message: `Bad request from ${TEST_KEY}`,
        issues: [{ path: ["name"], message: `echo ${TEST_KEY}` }],
        times: 1,
      });
      answers.push(await call("/customers/me", { body: { name: "Alice B" } }));
      ching.failWith({ status: 500, code: "INTERNAL_ERROR", message: `crash near ${TEST_KEY}`, times: 3 });
      answers.push(await call("/customers/me"));
      ching.dropConnection({ times: 3 });
      answers.push(await call("/customers/me"));
      ching.hang({ times: 1 });
      answers.push(await call("/customers/me", { body: { name: "Slow" } }));
      ching.failWith({ status: 502, body: `<html>${TEST_KEY}</html>`, times: 3 });
      answers.push(await call("/customers/me"));
      answers.push(await call("/customers", { user: null }));
      answers.push(await call("/customers/me", { method: "DELETE" }));
      await harness.close();
      harness = undefined;
    }
    // Ching refusing a key that is not the one it knows.
    harness = await createHarness({ transport, ching: { apiKey: `ck_test_${"1".repeat(64)}` }, handler: { onError: undefined } });
    harness.users.set("alice", "cus_V8ltq1pK_MWH");
    answers.push(await harness.call("/customers/me"));

    expect(answers.length).toBeGreaterThan(20);
    expect(seen.length).toBeGreaterThan(5); // the scan saw reports, so it could have seen the key
    const everything = [...answers.map(answerText), ...seen].join("\n---\n");
    for (const needle of needles) expect(everything).not.toContain(needle);
    // What Ching echoed is still there, with the key cut out.
    expect(everything).toContain("Bad request from [redacted]");
  });
});

describe("the API key in messages about options", () => {
  it("is never echoed when it is malformed", () => {
    for (const apiKey of [`ck_test_${"0".repeat(63)}`, ` ${TEST_KEY}`, `${TEST_KEY}\n`, `pk_test_${"0".repeat(64)}`, `ck_prod_${"0".repeat(64)}`]) {
      let message = "";
      try {
        createBillingPortalHandler({ apiKey, identify: () => null, onCustomerCreated: () => undefined });
      } catch (error) {
        message = printable(error);
      }
      expect(message, apiKey).toMatch(/apiKey/);
      expect(message).not.toContain(apiKey.trim());
      expect(message).not.toContain("0".repeat(60));
    }
  });

  it("is not printed by toNodeHandler when the handler underneath fails", async () => {
    const seen: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      seen.push(args.map((arg) => printable(arg)).join(" "));
    });
    const handler = keyEchoingHandler();
    const server = createServer(toNodeHandler(handler));
    const url = await listenOn(server);
    try {
      const response = await fetch(`${url}/customers/me`);
      const text = await response.text();
      expect(response.status).toBe(502);
      expect(seen.join("\n")).toContain("[redacted]");
      for (const needle of needles) {
        expect(text).not.toContain(needle);
        expect(seen.join("\n")).not.toContain(needle);
        for (const [, value] of response.headers) expect(value).not.toContain(needle);
      }
    } finally {
      await closeServer(server);
    }
  });
});
