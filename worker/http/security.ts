/**
 * Headers for every response the Worker itself makes (static assets get theirs from
 * app/static/_headers). Nothing a victim fetches may be cached or leak a referrer.
 */
export const WORKER_RESPONSE_HEADERS: Record<string, string> = {
  "Cache-Control": "no-store",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  // Browsers ignore this over plain HTTP (local development); in production it keeps them on HTTPS.
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
};

export function withSecurityHeaders(response: Response): Response {
  // A 101 upgrade carries a WebSocket; its headers are already sent and cannot be changed.
  if (response.status === 101 || response.webSocket) return response;
  const copy = new Response(response.body, response);
  for (const [name, value] of Object.entries(WORKER_RESPONSE_HEADERS)) copy.headers.set(name, value);
  return copy;
}

/**
 * True when a browser request comes from our own origin. Browsers always send Origin on
 * WebSocket upgrades and on cross-site POSTs; a missing Origin is refused for upgrades.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("Origin");
  return origin !== null && origin === new URL(request.url).origin;
}
