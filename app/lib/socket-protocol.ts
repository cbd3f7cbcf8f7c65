/**
 * The WebSocket scheme for this page's own host. partysocket guesses it from the host name and
 * takes only `localhost:` and private addresses for plain `ws:`, so on the local staff hostname
 * (http://console.localhost:8787) it would try `wss:` and never connect. The page's own scheme
 * is the right answer everywhere: HTTPS in production, HTTP locally.
 */
export function socketProtocol(): "ws" | "wss" {
  return location.protocol === "https:" ? "wss" : "ws";
}
