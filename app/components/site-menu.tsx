// The header's menu on small screens: a disclosure button ("Meny", aria-expanded) that shows and
// hides the navigation and the account links. Without JavaScript (or before it has loaded) there is
// no button and everything is shown, wrapping as needed. Escape closes the menu and returns focus to
// the button; moving to another page closes it.
import { useLocation } from "@remix-run/react";
import { useEffect, useRef, useState, type ReactNode } from "react";

export function SiteMenu({ children, wide, hasNav }: { children: ReactNode; wide: boolean; hasNav: boolean }) {
  const [hydrated, setHydrated] = useState(false);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  useEffect(() => setHydrated(true), []);
  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return;
    const close = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", close);
    return () => document.removeEventListener("keydown", close);
  }, [open]);

  const collapsible = hydrated && hasNav;
  const classes = ["site-menu", wide ? "site-menu--wide" : "", collapsible && !open ? "site-menu--collapsed" : ""];
  return (
    <>
      {collapsible ? (
        <button
          type="button"
          ref={button}
          className={`menu-toggle${wide ? " menu-toggle--wide" : ""}`}
          aria-expanded={open}
          aria-controls="site-menu"
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true" className="menu-toggle__icon">
            {open ? "✕" : "☰"}
          </span>{" "}
          Meny
        </button>
      ) : null}
      <div id="site-menu" className={classes.filter(Boolean).join(" ")}>
        {children}
      </div>
    </>
  );
}
