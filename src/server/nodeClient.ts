import type * as NodeHttp from "node:http";
import type { ClientRequest, IncomingMessage, RequestOptions } from "node:http";
import type * as NodeHttps from "node:https";
import { AnswerTooLarge, type ChingTransport } from "./ching";

/**
 * The handler's default way to call Ching on Node: `node:http` / `node:https` with one
 * keep-alive agent per protocol. On Node 20 the global `fetch` (undici) costs several times
 * what the call itself does (its own `Request`, `Response` and web streams per call); this is
 * what a hand-written proxy does. No `import` of a Node module: the modules come from
 * `process.getBuiltinModule` at run time, so this file loads in edge runtimes and browsers
 * too, where `nodeTransport()` answers `undefined` and the handler uses `fetch`.
 */

/** How long a kept connection may stay idle before it is closed (undici's default too; a shorter `Keep-Alive: timeout` of Ching wins). */
const IDLE_MS = 4_000;

type HttpModule = typeof NodeHttp;

interface Target {
  request: (options: RequestOptions) => ClientRequest;
  protocol: string;
  hostname: string;
  port: number | undefined;
  agent: NodeHttp.Agent;
  prefix: string;
}
type HttpsModule = typeof NodeHttps;

interface NodeProcess {
  getBuiltinModule?: (id: string) => unknown;
}

/** Node itself (20.16 and later): not Bun, Deno or workerd, which have `getBuiltinModule` too but their own `fetch`. */
function nodeModules(): { http: HttpModule; https: HttpsModule } | undefined {
  const runtime = globalThis as { process?: NodeProcess; navigator?: { userAgent?: string } };
  if (typeof runtime.process?.getBuiltinModule !== "function") return undefined;
  const agent = runtime.navigator?.userAgent;
  if (agent !== undefined && !agent.startsWith("Node.js")) return undefined;
  const http = runtime.process.getBuiltinModule("node:http") as HttpModule | undefined;
  const https = runtime.process.getBuiltinModule("node:https") as HttpsModule | undefined;
  return http && https ? { http, https } : undefined;
}

function readAnswer(answer: IncomingMessage, limit: number, done: (error: unknown, text?: string) => void): void {
  if (Number(answer.headers["content-length"]) > limit) {
    done(new AnswerTooLarge());
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  answer.on("data", (chunk: Buffer) => {
    size += chunk.byteLength;
    if (size > limit) done(new AnswerTooLarge());
    else chunks.push(chunk);
  });
  answer.on("end", () => done(undefined, (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)).toString("utf8")));
  answer.on("error", (error) => done(error));
  answer.on("close", () => {
    if (!answer.complete) done(new Error("Ching closed the connection before its answer was complete"));
  });
}

/** The Node transport, or `undefined` where this is not Node (or a Node without `process.getBuiltinModule`). */
export function nodeTransport(): ChingTransport | undefined {
  const modules = nodeModules();
  if (!modules) return undefined;
  /** Per `apiBase` (one, as a rule): where to connect, and the agent that keeps the connections. */
  const targets = new Map<string, Target>();
  const targetOf = (base: string): Target => {
    let target = targets.get(base);
    if (!target) {
      const url = new URL(base);
      const secure = url.protocol === "https:";
      // Node's agent copies its options into every request's: only what differs from its defaults
      // (it already picks the most recently freed socket, so the ones not needed idle out).
      const agentOptions = { keepAlive: true, timeout: IDLE_MS };
      target = {
        request: secure ? modules.https.request : modules.http.request,
        protocol: url.protocol,
        // `[::1]` is a URL's spelling; the socket wants `::1`.
        hostname: url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname,
        port: url.port ? Number(url.port) : undefined,
        agent: secure ? new modules.https.Agent(agentOptions) : new modules.http.Agent(agentOptions),
        // `https://host/ching/v1` and `https://host` alike: the path goes after it.
        prefix: url.pathname === "/" ? "" : url.pathname,
      };
      targets.set(base, target);
    }
    return target;
  };

  return ({ method, base, path, headers, body, limit }, onCancel) =>
    new Promise((resolve, reject) => {
      const target = targetOf(base);
      // Node reads the headers without writing into them: a call without a body sends the shared object.
      const sent: Readonly<Record<string, string | number>> = body === undefined ? headers : { ...headers, "content-length": Buffer.byteLength(body) };
      // Spelled out, not `{ ...options, path, … }`: on Node 20 each property added after a spread
      // makes a new hidden class, which cost more than the rest of this call.
      const request = target.request({
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        agent: target.agent,
        path: `${target.prefix}${path}`,
        method,
        headers: sent,
      });
      let settled = false;
      const done = (error: unknown, answer?: { status: number; text: string }) => {
        if (settled) return;
        settled = true;
        if (error === undefined) {
          resolve(answer!);
          return;
        }
        // A refused or broken answer is not read on: the connection goes, not back to the pool.
        request.destroy();
        reject(error);
      };
      onCancel(() => done(new Error(`The call to Ching was cut off`)));
      request.on("error", (error) => done(error));
      request.on("response", (answer) => {
        readAnswer(answer, limit, (error, text) => done(error, error === undefined ? { status: answer.statusCode ?? 0, text: text! } : undefined));
      });
      request.end(body);
    });
}
