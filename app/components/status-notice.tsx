// The one place a "saved" notice is shown (docs/decisions/0014-saved-notices.md): rendered by the
// layout above every page, announced politely (role=status) and focused when it arrives, so
// keyboard and screen-reader users hear it. It shows on the page it was sent to and is gone after
// the next navigation.
import { Link, useLocation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";

export type StatusNoticeData = { id: string; message: string; link?: { to: string; text: string } };

export function StatusNotice({ notice }: { notice: StatusNoticeData | null }) {
  const location = useLocation();
  const ref = useRef<HTMLDivElement>(null);
  // The location the current notice arrived on; null until it has been shown once.
  const [arrival, setArrival] = useState<{ id: string; key: string } | null>(null);
  const id = notice?.id ?? null;

  useEffect(() => {
    if (!id) return;
    setArrival((seen) => (seen?.id === id ? seen : { id, key: location.key }));
    ref.current?.focus();
    // Only a new notice moves focus, not a later navigation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  if (!notice) return null;
  if (arrival && arrival.id === notice.id && arrival.key !== location.key) return null;
  return (
    <div className="alert alert--success" role="status" tabIndex={-1} ref={ref}>
      {notice.message}
      {notice.link ? (
        <>
          {" "}
          <Link to={notice.link.to}>{notice.link.text}</Link>
        </>
      ) : null}
    </div>
  );
}
