// A table that may be wider than the screen scrolls inside its own region: focusable (so it can be
// scrolled with the arrow keys) and named (so a screen reader says which table it is). The page
// itself never scrolls sideways (issue 14).
import type { ReactNode } from "react";

export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
