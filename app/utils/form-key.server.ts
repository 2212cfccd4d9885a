// A fresh key for one rendering of a form that must not act twice (posting a message): the form
// sends it in a hidden field, the service remembers it with what it created, and a second post with
// the same key (a double click, a resend) creates nothing. A new page load gives a new key, which
// also gives the form a new identity, so it is empty again after "Meddelandet är skickat".
import { randomBytes } from "node:crypto";

export function newFormKey(): string {
  return randomBytes(18).toString("base64url");
}
