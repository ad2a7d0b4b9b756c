import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface Reply {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly json: unknown;
}

/** An HTTP server on 127.0.0.1 (an ephemeral port) that records every request and answers with `handle`. */
export async function localServer(handle: (request: Recorded) => Reply) {
  const requests: Recorded[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const request = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      requests.push(request);
      let reply: Reply;
      try {
        reply = handle(request);
      } catch (error) {
        reply = { status: 500, json: { message: String(error) } };
      }
      const body = JSON.stringify(reply.json);
      res.writeHead(reply.status ?? 200, { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...reply.headers });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
