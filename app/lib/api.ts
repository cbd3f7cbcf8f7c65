/**
 * Calls to the Worker's /api routes, for every page (the victim's, the console, Records, the
 * dashboard): one fetch, one error. A failure becomes an ApiFailure carrying the code and
 * sentence the server gave, never a stack.
 *
 * **No imports, not even the protocol's schemas.** Had this pulled zod in, Records and the
 * dashboard would load zod too, and the chunk the victim page shares with the console would be
 * split (measured: about 0.6 KB Brotli more on every victim's first load). Callers that want an
 * answer checked parse it with the protocol's schema themselves.
 */

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A same-origin call with the session cookie: the response when it succeeded, else an ApiFailure. */
export async function request(path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { ...init, cache: "no-store", credentials: "same-origin" });
  } catch {
    throw new ApiFailure(0, "offline", "Could not reach the service. Check your connection and try again.");
  }
  if (!response.ok) throw failure(response.status, await response.json().catch(() => null));
  return response;
}

/** A call whose answer is JSON (null when it has none, as for 204). */
export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  return (await (await request(path, init)).json().catch(() => null)) as T;
}

export function postJson<T>(path: string, body?: unknown, headers: Record<string, string> = {}) {
  return api<T>(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** `{ error: { code, message } }` from the server, or a plain sentence when the body is not that. */
function failure(status: number, body: unknown): ApiFailure {
  const error = body instanceof Object && "error" in body && body.error instanceof Object ? body.error : {};
  const code = "code" in error && typeof error.code === "string" ? error.code : "unknown";
  const message = "message" in error && typeof error.message === "string" ? error.message : "Something went wrong. Please try again.";
  return new ApiFailure(status, code, message);
}
