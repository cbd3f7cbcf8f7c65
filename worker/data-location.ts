/**
 * Where the service's Durable Objects keep their data, chosen by the force in wrangler.toml
 * (`DATA_JURISDICTION`, per environment): "eu", or "" for wherever Cloudflare places them.
 * D1 and R2 get the same choice where they are created (`npm run setup`, the R2 binding's
 * `jurisdiction`); this is the Durable Objects' part, asked by every place that reaches one
 * (rooms/stubs.ts, parties.ts).
 *
 * **A jurisdiction is part of a Durable Object's id**: the same name gives a different object in
 * another jurisdiction, so every stub must come through here, and changing the choice after
 * launch leaves live chats and the queue behind (README "Deploying").
 * https://developers.cloudflare.com/durable-objects/reference/data-location/
 */

/** The jurisdictions a force may choose: the ones D1, R2 and Durable Objects all support. */
export const DATA_JURISDICTIONS = ["eu"] as const;
export type DataJurisdiction = (typeof DATA_JURISDICTIONS)[number];

/** A value of DATA_JURISDICTION read as a jurisdiction, "" as none; anything else is not one. */
export function parseDataJurisdiction(value: string | undefined): DataJurisdiction | null | "invalid" {
  const chosen = (value ?? "").trim().toLowerCase();
  if (chosen === "") return null;
  return DATA_JURISDICTIONS.find((jurisdiction) => jurisdiction === chosen) ?? "invalid";
}

/**
 * The options that place a Durable Object in the chosen jurisdiction, for partyserver's
 * getServerByName and routePartykitRequest. An unknown value stops rather than guessing: data
 * kept in the wrong place cannot be moved afterwards, and `npm run deploy` refuses such a value
 * before it can reach here.
 */
export function durableObjectLocation(env: { DATA_JURISDICTION?: string }): { jurisdiction?: DataJurisdiction } {
  const jurisdiction = parseDataJurisdiction(env.DATA_JURISDICTION);
  if (jurisdiction === "invalid") {
    throw new Error(`DATA_JURISDICTION must be one of ${DATA_JURISDICTIONS.join(", ")} or empty`);
  }
  return jurisdiction ? { jurisdiction } : {};
}
