// Response guards for loaders and actions: each throws a Response that the route's error boundary
// renders. The one place for "not found", "forbidden" and "bad request" answers.

/** Throws a Response with `status` (default 400) when the condition is falsy. */
export function invariantResponse(condition: unknown, message: string, status = 400): asserts condition {
  if (!condition) throw new Response(message, { status });
}

/** 404 for anything the user may not see: existence of other organisations' records is not revealed. */
export function notFound(message = "Sidan eller uppgiften finns inte."): never {
  throw new Response(message, { status: 404 });
}

/** 403 for a signed-in user without the right role or link to an organisation. */
export function forbidden(message = "Du har inte behörighet att se den här sidan."): never {
  throw new Response(message, { status: 403 });
}

/** 400 for a request the page's own forms never send. */
export function badRequest(message: string): never {
  throw new Response(message, { status: 400, statusText: "Bad Request" });
}
