// The error boundary every route exports: a clear Swedish message for each kind of failure.
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const titles: Record<number, string> = {
  400: "Något stämmer inte",
  403: "Du har inte behörighet",
  404: "Sidan finns inte",
  429: "För många försök",
};

export function GeneralErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = isRouteErrorResponse(error) && typeof error.data === "string" && error.data ? error.data : null;
  if (status >= 500) console.error(error);
  return (
    <section className="panel error-panel" aria-labelledby="error-title">
      <h1 id="error-title">{titles[status] ?? "Något gick fel"}</h1>
      <p>
        {message ??
          (status >= 500 ? "Ett oväntat fel inträffade. Försök igen om en stund." : "Vi kunde inte visa sidan.")}
      </p>
      <p>
        <Link to="/">Till startsidan</Link>
      </p>
    </section>
  );
}
