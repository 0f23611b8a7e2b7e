import type * as NodeHttp from "node:http";
import { toNodeHandler } from "../../server/node";
import { DROP } from "./router";

export interface MockChingServer {
  /** `http://127.0.0.1:<port>`; hosted pages are under `<url>/hosted/` while it listens. */
  url: string;
  /** `http://127.0.0.1:<port>/ching/v1`: pass it as the handler's `apiBase`. */
  apiBase: string;
  port: number;
  /** Stops listening and cuts open connections (hung requests included). */
  close(): Promise<void>;
}

/** Thrown through the Node adapter so its `next` can cut the socket instead of answering 500. */
class DroppedConnection extends Error {}

/**
 * Serves `answer` on 127.0.0.1 through the library's own Node adapter, so the mock's HTTP
 * side is the code merchants run. The one place of the testing entry that loads `node:http`.
 */
export async function listenOn(
  answer: (request: Request) => Promise<Response | typeof DROP>,
  port: number,
  onClose: () => void,
): Promise<MockChingServer> {
  // Loaded only here, so the testing entry still loads in a browser (Storybook, MSW).
  const specifier = "node:http";
  const http = (await import(/* @vite-ignore */ specifier)) as typeof NodeHttp;
  const node = toNodeHandler(async (request) => {
    const result = await answer(request);
    if (result === DROP) throw new DroppedConnection();
    return result;
  });
  const server = http.createServer((req, res) => {
    void node(req, res, () => {
      // A dropped connection, or a hung request the client or close() gave up on.
      req.socket.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  const url = `http://127.0.0.1:${actual}`;
  return {
    url,
    apiBase: `${url}/ching/v1`,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        onClose();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
