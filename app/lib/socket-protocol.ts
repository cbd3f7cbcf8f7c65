/**
 * What the console's and the victim's sockets share: the scheme, and how they reconnect.
 */

/**
 * The WebSocket scheme for this page's own host. partysocket guesses it from the host name and
 * takes only `localhost:` and private addresses for plain `ws:`, so on the local staff hostname
 * (http://console.localhost:8787) it would try `wss:` and never connect. The page's own scheme
 * is the right answer everywhere: HTTPS in production, HTTP locally.
 */
export function socketProtocol(): "ws" | "wss" {
  return location.protocol === "https:" ? "wss" : "ws";
}

/**
 * partysocket's reconnection, for every socket the app opens (a chat, the queue): the first retry
 * well under a second, then backing off to 8 s.
 */
export const RECONNECT = {
  minReconnectionDelay: 400,
  maxReconnectionDelay: 8_000,
  reconnectionDelayGrowFactor: 1.5,
  connectionTimeout: 5_000,
};
