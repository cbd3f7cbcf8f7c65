/**
 * Which of the service's two hostnames a request came to. One Worker answers both:
 *
 *   PUBLIC_HOSTNAME  victims: the victim page and the victim's routes (start a chat, tickets,
 *                    quick exit, resume codes) and the victim's side of a chat socket
 *   STAFF_HOSTNAME   staff: the console's pages, every staff route and socket; a force puts
 *                    this whole hostname behind Cloudflare Access
 *
 * Both are plain vars in wrangler.toml, per environment (locally "localhost" and
 * "console.localhost"). **Any other hostname is neither**: workers.dev, a preview URL or an
 * address typed by hand get nothing, so staff routes cannot be reached around Access.
 */

export type Host = "public" | "staff";

export interface HostNames {
  PUBLIC_HOSTNAME?: string;
  STAFF_HOSTNAME?: string;
}

/** Hostnames compare case-insensitively and without a trailing dot (a fully qualified name). */
function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, "");
}

/** The host a request is for, by its URL's hostname (the port is ignored), or null for any other. */
export function hostOf(request: Request, env: HostNames): Host | null {
  const hostname = normalise(new URL(request.url).hostname);
  const staff = normalise(env.STAFF_HOSTNAME ?? "");
  const victims = normalise(env.PUBLIC_HOSTNAME ?? "");
  if (staff && hostname === staff) return "staff";
  if (victims && hostname === victims) return "public";
  return null;
}
