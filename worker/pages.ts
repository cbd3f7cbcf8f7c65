/**
 * The app's pages and code, by hostname. Static assets are served before the Worker runs,
 * except the paths wrangler.toml's `run_worker_first` lists; those come here:
 *
 *   /                    the victim page; on the staff host, a redirect to the console
 *   /console, /console/* the console's pages: staff host only
 *   /_app/immutable/*    the built code: on the victims' host only the files the victim's pages
 *                        use (scripts/public-host-files.ts lists them at build time)
 *
 * So the victims' hostname never serves the console's pages or the code only they use. On the
 * staff hostname, under Cloudflare Access, nothing is served without a valid token.
 */
import { z } from "zod/mini";
import type { Host } from "./hosts";
import { errorResponse } from "./http/errors";
import { withSecurityHeaders } from "./http/security";
import { staffAccess } from "./http/staff-access";
import { log } from "./log";

/** Written by scripts/public-host-files.ts into the build. */
const PUBLIC_HOST_FILES = "/_app/public-host-files.json";
const PublicHostFiles = z.object({ files: z.array(z.string()) });
const BUILT_CODE = "/_app/immutable/";

export function isConsolePage(pathname: string): boolean {
  return pathname === "/console" || pathname.startsWith("/console/");
}

/** Per assets binding (one per deployment; tests bring their own), read once per isolate. */
const publicFiles = new WeakMap<Fetcher, Promise<ReadonlySet<string> | null>>();

/**
 * The files the victims' host may serve. Without the list (a build made some other way) the
 * victim page must still work: everything is served, the log says so, and the next request
 * looks again.
 */
function publicHostFiles(env: Env, url: string): Promise<ReadonlySet<string> | null> {
  let files = publicFiles.get(env.ASSETS);
  if (!files) {
    files = readPublicHostFiles(env.ASSETS, url);
    publicFiles.set(env.ASSETS, files);
  }
  return files;
}

async function readPublicHostFiles(assets: Fetcher, url: string): Promise<ReadonlySet<string> | null> {
  const response = await assets.fetch(new URL(PUBLIC_HOST_FILES, url));
  const list = PublicHostFiles.safeParse(response.ok ? await response.json().catch(() => null) : null);
  if (!list.success) {
    // The build lacks the list, so the console's code is served on the victims' host too.
    log.error("pages.public-files-missing");
    publicFiles.delete(assets);
    return null;
  }
  return new Set(list.data.files);
}

const notHere = () => withSecurityHeaders(errorResponse(404, "not-found", "There is nothing here."));

/** A page or built file (asset responses keep the headers app/static/_headers gives them). */
export async function servePage(request: Request, env: Env, host: Host): Promise<Response> {
  const url = new URL(request.url);
  if (host === "staff") {
    const access = await staffAccess(request, env);
    if (access.kind === "refused") return withSecurityHeaders(access.response);
    // The staff hostname is the console's: its front door opens onto it.
    if (url.pathname === "/") return withSecurityHeaders(Response.redirect(new URL("/console", url).href, 302));
    return env.ASSETS.fetch(request);
  }
  if (isConsolePage(url.pathname)) return notHere();
  if (url.pathname.startsWith(BUILT_CODE)) {
    const files = await publicHostFiles(env, request.url);
    if (files && !files.has(url.pathname)) return notHere();
  }
  return env.ASSETS.fetch(request);
}
