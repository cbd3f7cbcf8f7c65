/**
 * partyserver answers an exception thrown while a socket connects by sending `err.stack` down
 * that socket. Our objects' connect work runs through this instead: the detail goes to the log,
 * the client gets a plain close code, and no stack ever leaves the object.
 */
import type { Connection } from "partyserver";
import { log } from "../log";

/** Close code for "the server could not set up this connection"; the client may try again. */
export const CONNECT_FAILED = 1011;

export async function connectSafely(objectName: "Conversation" | "Dispatcher", connection: Connection, work: () => Promise<void> | void): Promise<void> {
  try {
    await work();
  } catch (error) {
    log.error("connect.failed", { room: objectName, error });
    if (connection.readyState === WebSocket.OPEN) connection.close(CONNECT_FAILED, "Something went wrong. Try again.");
  }
}
