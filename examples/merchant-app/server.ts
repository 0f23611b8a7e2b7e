/**
 * An example merchant app: a React page (built with Vite) and a Node server that
 * mounts `createBillingPortalHandler` behind a toy sign-in with two demo users.
 *
 * It talks to an in-memory Ching (`createMockChing().listen()`) unless
 * CHING_API_KEY is set, in which case it talks to the real Ching API.
 *
 *   npm run example            # http://127.0.0.1:5180
 *   PORT=8080 npm run example
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import http from "node:http";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { build } from "vite";
import { createBillingPortalHandler, toNodeHandler } from "@ching/billing-portal-react/server";
import { createMockChing } from "@ching/billing-portal-react/testing";
import { packageAliases } from "../../vite.aliases";

const here = fileURLToPath(new URL(".", import.meta.url));
const dist = join(here, "dist");

/** The toy user database: in a real app, your users table. */
interface DemoUser {
  id: "a" | "b";
  name: string;
  email: string;
  /** The Ching customer id stored on the user once it exists. */
  customerId: string | null;
}

const COOKIE = "demo_user";

function readUser(request: Request | http.IncomingMessage, users: Map<string, DemoUser>): DemoUser | undefined {
  const header = request instanceof Request ? request.headers.get("cookie") : request.headers.cookie;
  const match = /(?:^|;\s*)demo_user=([ab])(?:;|$)/.exec(header ?? "");
  return match?.[1] ? users.get(match[1]) : undefined;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

function serveStatic(req: http.IncomingMessage, res: http.ServerResponse): void {
  const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
  let file = join(dist, path);
  if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory()) file = join(dist, "index.html");
  res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
  createReadStream(file).pipe(res);
}

export interface RunningExample {
  url: string;
  /** `memory` for the in-memory Ching, `ching` for the real API. */
  backend: "memory" | "ching";
  close(): Promise<void>;
}

export async function startExample(options: { port?: number; quiet?: boolean } = {}): Promise<RunningExample> {
  const { port = 5180, quiet = false } = options;
  await build({
    root: here,
    configFile: false,
    logLevel: quiet ? "silent" : "warn",
    plugins: [react()],
    resolve: { alias: packageAliases },
    build: { outDir: dist, emptyOutDir: true },
  });

  const realKey = process.env.CHING_API_KEY;
  const mock = realKey ? undefined : createMockChing();
  const mockServer = mock ? await mock.listen(0) : undefined;

  const users = new Map<string, DemoUser>([
    ["a", { id: "a", name: "אביגיל כהן", email: "avigail@example.com", customerId: null }],
    ["b", { id: "b", name: "Ben Levi", email: "ben@example.com", customerId: null }],
  ]);

  const billing = toNodeHandler(
    createBillingPortalHandler({
      apiKey: realKey ?? mock!.apiKey,
      apiBase: realKey ? process.env.CHING_API_BASE : mockServer!.apiBase,
      basePath: "/api/billing",
      // Who is asking: here a cookie; in your app, your session.
      identify: (request) => {
        const user = readUser(request, users);
        return user ? { userId: user.id, customerId: user.customerId, email: user.email, metadata: { demoUser: user.id } } : null;
      },
      // Keep the new customer's id on the user: one person, one customer, for life.
      onCustomerCreated: (customer, _request, identity) => {
        const user = users.get(String(identity.userId));
        if (user) user.customerId = customer.id;
        // With the in-memory Ching, a new customer gets a year of billing (cards, payments,
        // refunds, installments, receipts), so the billing page has something of every kind.
        mock?.seedDemoBilling(customer.id);
      },
    }),
  );

  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path.startsWith("/api/billing/") || path === "/api/billing") {
      void billing(req, res);
      return;
    }
    if (path === "/auth/me") {
      const user = readUser(req, users);
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(user ? { id: user.id, name: user.name } : null));
      return;
    }
    const signIn = /^\/auth\/sign-in\/([ab])$/.exec(path);
    if (signIn && req.method === "POST") {
      res.writeHead(204, { "Set-Cookie": `${COOKIE}=${signIn[1]}; Path=/; HttpOnly; SameSite=Lax` });
      res.end();
      return;
    }
    if (path === "/auth/sign-out" && req.method === "POST") {
      res.writeHead(204, { "Set-Cookie": `${COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0` });
      res.end();
      return;
    }
    serveStatic(req, res);
  });

  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : port}`;
  return {
    url,
    backend: realKey ? "ching" : "memory",
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await mockServer?.close();
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  const example = await startExample({ port: Number(process.env.PORT ?? 5180) });
  console.log(`Example merchant app: ${example.url}`);
  console.log(
    example.backend === "memory"
      ? "Ching: in-memory (set CHING_API_KEY to use the real Ching API)"
      : "Ching: the real API, with the key from CHING_API_KEY",
  );
  const stop = () => void example.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
