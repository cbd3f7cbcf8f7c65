/**
 * What a Durable Object's `fetch` decided about a socket, handed on to partyserver's
 * `getConnectionTags` and `onConnect`. partyserver gives both the very Request that `fetch`
 * passed to `super.fetch` (as `ctx.request`), so the decision is made once, in `fetch` where a
 * refusal can still be an HTTP answer, and is never written into a header to be parsed back.
 * `onConnect` keeps it as the connection's state, which survives hibernation.
 */
export class Admissions<Admitted> {
  readonly #byRequest = new WeakMap<Request, Admitted>();

  admit(request: Request, admitted: Admitted): void {
    this.#byRequest.set(request, admitted);
  }

  /** The decision for a request `fetch` admitted; undefined for any other. */
  of(request: Request): Admitted | undefined {
    return this.#byRequest.get(request);
  }
}
