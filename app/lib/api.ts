/** Calls to the Worker's /api routes. Errors become the sentence the server gave, never a stack. */
import { ApiError } from "$shared/protocol";

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { ...init, cache: "no-store", credentials: "same-origin" });
  } catch {
    throw new ApiFailure(0, "offline", "Could not reach the service. Check your connection and try again.");
  }
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = ApiError.safeParse(body);
    const error = parsed.success
      ? parsed.data.error
      : { code: "unknown", message: "Something went wrong. Please try again." };
    throw new ApiFailure(response.status, error.code, error.message);
  }
  return body as T;
}

export function postJson<T>(path: string, body?: unknown, headers: Record<string, string> = {}) {
  return api<T>(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
