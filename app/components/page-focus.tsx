// Focus and announcements for a single-page app, so keyboard and screen-reader users know where
// they are (issue 14):
// - after client-side navigation to another page, focus moves to the new page's h1 and its title is
//   announced in a polite live region (unless a notice or alert on the new page took focus itself);
// - after a submit that comes back with errors, focus moves to the error summary (or, when a form
//   only marks its fields, the first field with an error), never left on <body>;
// - a button marked aria-disabled (a submit while the page is sending) cannot be pressed again.
import { useLocation, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";

/** The element that announced itself (a notice or an alert focuses itself when it arrives). */
function focusIsOnMessage() {
  return Boolean(document.activeElement?.closest('[role="alert"], [role="status"]'));
}

function focusElement(element: HTMLElement) {
  if (!element.matches("a[href], button, input, select, textarea, [tabindex]")) element.setAttribute("tabindex", "-1");
  element.focus();
}

export function PageFocus() {
  const location = useLocation();
  const navigation = useNavigation();
  const [announcement, setAnnouncement] = useState("");
  const firstRender = useRef(true);
  const submitting = useRef(false);

  // A new page (not the first load, not a new query on the same page): focus its h1, say its title.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const frame = requestAnimationFrame(() => {
      if (!focusIsOnMessage()) {
        const heading = document.querySelector<HTMLElement>("main h1");
        if (heading) focusElement(heading);
      }
      setAnnouncement(document.title);
    });
    return () => cancelAnimationFrame(frame);
  }, [location.pathname]);

  // A submission that ended on the same page with errors: focus the summary or the first bad field.
  useEffect(() => {
    if (navigation.state !== "idle") {
      if (navigation.formMethod) submitting.current = true;
      return;
    }
    if (!submitting.current) return;
    submitting.current = false;
    const frame = requestAnimationFrame(() => {
      if (focusIsOnMessage()) return;
      const target = document.querySelector<HTMLElement>(
        'main .alert--error, main [aria-invalid="true"]:not(fieldset), main fieldset[aria-invalid="true"] input',
      );
      if (target) focusElement(target);
    });
    return () => cancelAnimationFrame(frame);
  }, [navigation.state, navigation.formMethod]);

  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="page-announcer">
      {announcement}
    </div>
  );
}

/**
 * Submit buttons say aria-disabled="true" while the page is sending (they stay focusable, so focus
 * is not lost to <body>); this stops a second press from submitting again.
 */
export function useBusyButtonGuard() {
  useEffect(() => {
    const guard = (event: Event) => {
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('button[aria-disabled="true"]')) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    document.addEventListener("click", guard, true);
    return () => document.removeEventListener("click", guard, true);
  }, []);
}
