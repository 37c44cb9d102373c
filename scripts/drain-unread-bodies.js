/**
 * Keeps a keep-alive connection usable after the app answers a request without reading its
 * body: an action that takes no fields, or a refusal that comes before the form is parsed
 * (SvelteKit's cross-site 403, the NUL-in-address 400, a sign-in redirect, a 413).
 *
 * adapter-node hands the body to the app as a stream with a 'data' listener on Node's request,
 * so Node believes someone is reading it and skips the drain it does for bodies nobody listened
 * to; the stream pauses the request once its small buffer is full. The rest of the body then
 * sits unread on the socket, the next request sent on that connection is never parsed, and
 * after the keep-alive timeout the server resets the connection with that request on it
 * (ECONNRESET at the client). Known upstream: https://github.com/sveltejs/kit/issues/15526
 * (fixed in SvelteKit 3, which needs Node 22).
 *
 * Once the response has gone, discard what is left of the body, as Node's own drain does:
 * drop the stream's 'data' listener and let the request flow. The 'end' listener stays, so the
 * body stream still closes. Bounded by Node's `requestTimeout` like any upload.
 *
 * @param {import('node:http').Server} httpServer
 */
export function drainUnreadBodies(httpServer) {
  httpServer.on('request', (req, res) => {
    res.once('finish', () => {
      if (req.complete || req.destroyed) return;
      req.removeAllListeners('data');
      req.resume();
    });
  });
}
