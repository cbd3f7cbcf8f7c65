/**
 * A TCP proxy on loopback in front of the local server, standing in for a victim's phone
 * network: `cut()` drops every open connection and refuses new ones until `restore()`.
 * Chromium's own offline emulation does not close WebSockets that are already open, so a
 * real cut has to happen on the wire.
 */
import { createServer, connect, type Socket } from "node:net";

export interface CuttableProxy {
  url: string;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startCuttableProxy(target: URL): Promise<CuttableProxy> {
  const open = new Set<Socket>();
  let isCut = false;
  const track = (socket: Socket, partner: () => Socket) => {
    open.add(socket);
    socket.on("close", () => open.delete(socket));
    socket.on("error", () => partner().destroy());
  };

  const server = createServer((client) => {
    if (isCut) {
      client.destroy();
      return;
    }
    const upstream = connect(Number(target.port), target.hostname);
    track(client, () => upstream);
    track(upstream, () => client);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  const cut = () => {
    isCut = true;
    for (const socket of open) socket.destroy();
    open.clear();
  };
  return {
    // The victims' hostname on the proxy's port: the Worker answers by hostname, not port.
    url: `http://localhost:${port}`,
    cut,
    restore: () => {
      isCut = false;
    },
    close: async () => {
      cut();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
