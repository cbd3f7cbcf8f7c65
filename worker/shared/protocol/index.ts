/**
 * The wire protocol between the browser (victim page, officer console) and the Worker.
 *
 * **One module, imported by both sides, holds every frame and request body as a schema.**
 * Types come from the schemas, so a frame that passes `parse` is exactly the type the code
 * handles. It imports neither DOM nor Workers types so both tsconfigs can include it.
 */
export * from "./common";
export * from "./conversation";
export * from "./dispatcher";
export * from "./http";
export * from "./parse";
export * from "./records";
export * from "./analytics";
export * from "./blocks";
export * from "./assist";
