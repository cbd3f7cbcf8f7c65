/**
 * The servers the delivery pattern runs against, each able to grow to more live conversations:
 * quietline (a fresh `wrangler dev --local`, officers signed in, every chat started, accepted
 * and joined through the real protocol), floor A (floor-a/worker.ts: the same platform doing
 * only the relay's work) and the relay (relay.ts). Each gives the processes that do the
 * serving, so their CPU can be read.
 */
import { staffUrlOf, startLocalServer } from "../../tests/e2e/local-server.ts";
import { acceptChat, addressOf, createOfficers, inBatches, signInOfficer, Socket, startVictim, type Officer } from "./clients.ts";
import type { Pair } from "./load.ts";
import { workerdOf } from "./processes.ts";
import { startFloorA } from "./floor-a.ts";
import { startRelay } from "./relay.ts";

export interface Target {
  name: "quietline" | "floor A" | "floor B" | "relay";
  pairs: Pair[];
  /** Adds conversations until there are `count`, all live (victim and officer connected). */
  grow(count: number): Promise<void>;
  /** The serving processes (workerd; the relay's Node), for CPU and memory. */
  pids(): number[];
  /** The local server's state folder (quietline and floor A). */
  persistTo?: string;
  stop(): Promise<void>;
}

/** Chats per officer: the most a supervisor can set, so 500 conversations need 50 officers. */
export const OFFICER_CAPACITY = 10;
/** Conversations set up at once: enough to be quick, few enough not to be a load test of its own. */
const SETUP_CONCURRENCY = 8;

/**
 * Translation off (as `npm start` runs locally: it is not what is measured, and it never delays
 * delivery); each officer holds up to OFFICER_CAPACITY chats.
 */
export const SERVER_VARS = { TRANSLATION_PROVIDER: "off", OFFICER_CAPACITY: String(OFFICER_CAPACITY) };

export async function quietline(maxConversations: number, vars: Record<string, string> = SERVER_VARS): Promise<Target> {
  const server = await startLocalServer([], vars);
  try {
    const accounts = await createOfficers(server.persistTo, Math.ceil(maxConversations / OFFICER_CAPACITY));
    const officers = new Map<number, Promise<Officer>>();
    const officer = (n: number) => {
      if (!accounts[n]) throw new Error(`only ${accounts.length} officers were created`);
      if (!officers.has(n)) officers.set(n, signInOfficer(server.url, accounts[n]!, addressOf("officer", n)));
      return officers.get(n)!;
    };
    const pairs: Pair[] = [];
    return {
      name: "quietline",
      pairs,
      persistTo: server.persistTo,
      async grow(count) {
        const indices = Array.from({ length: count - pairs.length }, (_, i) => pairs.length + i);
        const added = await inBatches(indices, SETUP_CONCURRENCY, async (i) => {
          const who = await officer(Math.floor(i / OFFICER_CAPACITY));
          const victim = await startVictim(server.url, addressOf("victim", i));
          const officerSocket = await acceptChat(server.url, who, victim.conversationId);
          await victim.socket.next("status", (f) => f.status === "active");
          victim.socket.frames.length = officerSocket.frames.length = 0;
          return { victim: victim.socket, officer: officerSocket };
        });
        pairs.push(...added);
      },
      pids: () => workerdOf(server.persistTo),
      async stop() {
        for (const who of officers.values()) (await who).queue.close();
        for (const pair of pairs) pair.victim.close(), pair.officer.close();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/**
 * Floor A, or with `store` floor B (floor-a/worker.ts): a conversation is a room name; the victim
 * connects on the victims' hostname, the officer on the staff one.
 */
export async function floorA({ store = false } = {}): Promise<Target> {
  const server = await startFloorA({ store });
  const pairs: Pair[] = [];
  const staff = staffUrlOf(server.url);
  const ws = (url: string) => url.replace(/^http/, "ws");
  return {
    name: store ? "floor B" : "floor A",
    pairs,
    persistTo: server.persistTo,
    async grow(count) {
      const indices = Array.from({ length: count - pairs.length }, (_, i) => pairs.length + i);
      const added = await inBatches(indices, SETUP_CONCURRENCY, async (i) => {
        const path = `/parties/conversation/room-${i}`;
        const [victim, officer] = await Promise.all([Socket.open(`${ws(server.url)}${path}`), Socket.open(`${ws(staff)}${path}`)]);
        await Promise.all([victim.next("welcome"), officer.next("welcome")]);
        return { victim, officer };
      });
      pairs.push(...added);
    },
    pids: () => workerdOf(server.persistTo),
    async stop() {
      for (const pair of pairs) pair.victim.close(), pair.officer.close();
      await server.stop();
    },
  };
}

export async function relay(): Promise<Target> {
  const server = await startRelay();
  const pairs: Pair[] = [];
  return {
    name: "relay",
    pairs,
    async grow(count) {
      const indices = Array.from({ length: count - pairs.length }, (_, i) => pairs.length + i);
      const added = await inBatches(indices, SETUP_CONCURRENCY, async (i) => {
        const [victim, officer] = await Promise.all([Socket.open(`${server.url}/room-${i}/victim`), Socket.open(`${server.url}/room-${i}/officer`)]);
        await Promise.all([victim.next("welcome"), officer.next("welcome")]);
        return { victim, officer };
      });
      pairs.push(...added);
    },
    pids: () => [server.pid],
    async stop() {
      for (const pair of pairs) pair.victim.close(), pair.officer.close();
      await server.stop();
    },
  };
}
