/**
 * A small server speaking LibreTranslate's documented API (POST /translate, /detect,
 * GET /languages), for tests of the HTTP provider. It knows a few phrases; anything else comes
 * back marked with its source and target languages ("[uk>en] …"). "please be busy" gets one 429 before an answer.
 */
import { createServer, type Server } from "node:http";

const PHRASES: Record<string, string> = {
  "pl>en:Dzień dobry, potrzebuję pomocy": "Good morning, I need help",
  "pl>en:On jest teraz w domu": "He is at home now",
  "pl>en:Proszę, pomóż mi": "Please, help me",
  "en>pl:You are safe to talk here.": "Możesz tu bezpiecznie rozmawiać.",
  "en>pl:Is he with you now?": "Czy on jest teraz z tobą?",
};

/** What this server says it translates: as a real one installed with these models would. No Tigrinya. */
const LANGUAGES = ["en", "pl", "uk", "ru", "fa", "ar", "zh-Hans", "zh-Hant"].map((code, _, all) => ({
  code,
  name: code,
  targets: all.filter((other) => other !== code),
}));

export interface FakeLibreTranslate {
  url: string;
  /** Every /translate request received, in order. */
  requests: { q: string; source: string; target: string }[];
  close(): Promise<void>;
}

export async function startFakeLibreTranslate(): Promise<FakeLibreTranslate> {
  const requests: FakeLibreTranslate["requests"] = [];
  const busyOnce = new Set<string>();
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const reply = (status: number, json: unknown) => {
        response.writeHead(status, { "Content-Type": "application/json" });
        response.end(JSON.stringify(json));
      };
      if (request.method === "GET" && request.url === "/languages") {
        return reply(200, LANGUAGES);
      }
      if (request.method !== "POST" || request.url !== "/translate") return reply(404, { error: "Not found" });
      let input: { q?: string; source?: string; target?: string };
      try {
        input = JSON.parse(body);
      } catch {
        return reply(400, { error: "Invalid request" });
      }
      if (!input.q || !input.target) return reply(400, { error: "Invalid request: missing q or target" });
      requests.push({ q: input.q, source: input.source ?? "auto", target: input.target });
      if (input.q === "please be busy" && !busyOnce.has(input.q)) {
        busyOnce.add(input.q);
        return reply(429, { error: "Too many requests" });
      }
      const source = input.source === "auto" ? (/[ąęłńśźżó]/i.test(input.q) ? "pl" : "en") : (input.source ?? "en");
      const known = PHRASES[`${source}>${input.target}:${input.q}`];
      reply(200, {
        translatedText: known ?? `[${source}>${input.target}] ${input.q}`,
        ...(input.source === "auto" ? { detectedLanguage: { language: source, confidence: 90 } } : {}),
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
