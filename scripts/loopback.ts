/**
 * The local staff hostname from Node. Browsers send every *.localhost name to this machine, so
 * http://console.localhost:8787 needs no DNS in Chromium; Node asks the system resolver, which
 * knows "localhost" from /etc/hosts but not "console.localhost" (ENOTFOUND), and Node's fetch
 * will not let a caller set the Host header instead. Node-side clients of the local server
 * (the benchmarks) connect through `loopbackLookup`, which answers every *.localhost name with
 * 127.0.0.1 (where tests/e2e/local-server.ts listens) and leaves other names to the system.
 */
import { lookup } from "node:dns";
import { request } from "node:http";
import type { LookupFunction } from "node:net";

const isLocalhost = (hostname: string) => hostname === "localhost" || hostname.endsWith(".localhost");

export const loopbackLookup: LookupFunction = (hostname, options, callback) => {
  if (!isLocalhost(hostname)) return lookup(hostname, options, callback);
  if (options.all) return callback(null, [{ address: "127.0.0.1", family: 4 }]);
  callback(null, "127.0.0.1", 4);
};

/** `fetch` for plain-HTTP calls to the local server, on either hostname. */
export function fetchLocal(url: string, init: RequestInit = {}): Promise<Response> {
  const body = typeof init.body === "string" ? init.body : init.body == null ? undefined : null;
  if (body === null) throw new Error("fetchLocal sends string bodies only");
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, name) => (headers[name] = value));
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method: init.method ?? "GET", headers, lookup: loopbackLookup },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("error", reject);
        incoming.on("end", () => {
          const headers = new Headers();
          for (let i = 0; i < incoming.rawHeaders.length; i += 2) headers.append(incoming.rawHeaders[i]!, incoming.rawHeaders[i + 1]!);
          const status = incoming.statusCode ?? 500;
          // A Response cannot carry a body with these statuses.
          const content = [101, 204, 205, 304].includes(status) ? null : Buffer.concat(chunks);
          resolve(new Response(content, { status, headers }));
        });
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}
