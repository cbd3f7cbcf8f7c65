/**
 * The floor for the delivery figures: the least a WebSocket chat server could do for the same
 * pattern, on Node's `ws` package, in its own process. It speaks the shape of quietline's
 * frames, so the same simulated clients drive both: a victim connects to /<room>/victim, an
 * officer to /<room>/officer; a frame is parsed and checked (type, id, text), a message id is
 * kept once per sender, the message is numbered and kept in memory, acknowledged to its sender,
 * then sent to both sides. No authentication, no storage on disk, no record: what is left is
 * the cost of moving frames between sockets.
 *
 *   node scripts/bench/relay.ts      prints "listening <port>", serves until killed
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { WebSocketServer, type WebSocket } from "ws";

interface Room {
  seq: number;
  sockets: Partial<Record<"victim" | "officer", WebSocket>>;
  seen: Set<string>;
  messages: { id: string; seq: number; from: string; text: string; sentAt: number }[];
}

function serve(): void {
  const rooms = new Map<string, Room>();
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0, perMessageDeflate: false });
  server.on("connection", (socket, request) => {
    const [, roomName, role] = /^\/([\w-]+)\/(victim|officer)$/.exec(request.url ?? "") ?? [];
    if (!roomName || (role !== "victim" && role !== "officer")) return socket.close(1008, "bad path");
    const room = rooms.get(roomName) ?? { seq: 0, sockets: {}, seen: new Set(), messages: [] };
    rooms.set(roomName, room);
    room.sockets[role] = socket;
    socket.send(JSON.stringify({ type: "welcome", role }));
    socket.on("message", (data) => {
      let frame: { type?: unknown; id?: unknown; text?: unknown };
      try {
        frame = JSON.parse(String(data));
      } catch {
        return socket.send(JSON.stringify({ type: "error", code: "bad-frame", message: "not JSON" }));
      }
      const { type, id, text } = frame;
      if (type !== "send" || typeof id !== "string" || !/^[\w-]{8,64}$/.test(id) || typeof text !== "string" || !text.trim() || text.length > 4000) {
        return socket.send(JSON.stringify({ type: "error", code: "bad-frame", message: "not a message" }));
      }
      const key = `${role}:${id}`;
      const message = room.seen.has(key)
        ? room.messages.find((m) => m.id === id && m.from === role)!
        : { id, seq: ++room.seq, from: role, text, sentAt: Date.now() };
      if (!room.seen.has(key)) {
        room.seen.add(key);
        room.messages.push(message);
      }
      socket.send(JSON.stringify({ type: "ack", id, seq: message.seq, sentAt: message.sentAt }));
      const out = JSON.stringify({ type: "message", message });
      for (const peer of Object.values(room.sockets)) if (peer.readyState === peer.OPEN) peer.send(out);
    });
  });
  server.on("listening", () => {
    const address = server.address();
    console.log(`listening ${typeof address === "object" && address ? address.port : address}`);
  });
}

export interface Relay {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts the relay in its own Node process (as workerd is its own process); resolves once it listens. */
export function startRelay(): Promise<Relay> {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url)], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the relay exited (${code})`)));
    child.stdout.on("data", (chunk: Buffer) => {
      const port = /listening (\d+)/.exec(String(chunk))?.[1];
      if (!port) return;
      resolve({
        url: `ws://127.0.0.1:${port}`,
        pid: child.pid!,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    });
  });
}

if (import.meta.main) serve();
