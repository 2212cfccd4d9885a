// A small iCalendar (RFC 5545) reader for tests: unfolds lines, splits properties into name,
// parameters and value, and groups them by component. Enough to check what a calendar program
// would read from an invitation (METHOD, UID, DTSTART, ORGANIZER, ATTENDEE, SEQUENCE, STATUS).
export type IcsProperty = { name: string; params: Record<string, string>; value: string };
export type IcsComponent = { type: string; properties: IcsProperty[]; components: IcsComponent[] };

export function parseIcs(text: string): IcsComponent {
  const lines = text
    .replace(/\r\n[ \t]/g, "")
    .replace(/\n[ \t]/g, "")
    .split(/\r?\n/)
    .filter(Boolean);
  const root: IcsComponent = { type: "ROOT", properties: [], components: [] };
  const stack: IcsComponent[] = [root];
  for (const line of lines) {
    const colon = findValueColon(line);
    if (colon < 0) throw new Error(`Not an iCalendar content line: ${line}`);
    const [name, ...rawParams] = splitParams(line.slice(0, colon));
    const value = line.slice(colon + 1);
    const upper = name!.toUpperCase();
    if (upper === "BEGIN") {
      const component: IcsComponent = { type: value.toUpperCase(), properties: [], components: [] };
      stack.at(-1)!.components.push(component);
      stack.push(component);
    } else if (upper === "END") {
      const done = stack.pop();
      if (!done || done.type !== value.toUpperCase()) throw new Error(`Unbalanced END:${value}`);
    } else {
      const params: Record<string, string> = {};
      for (const p of rawParams) {
        const eq = p.indexOf("=");
        params[p.slice(0, eq).toUpperCase()] = p.slice(eq + 1).replace(/^"|"$/g, "");
      }
      stack.at(-1)!.properties.push({ name: upper, params, value });
    }
  }
  if (stack.length !== 1) throw new Error("Unclosed iCalendar component");
  return root;
}

function findValueColon(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ":" && !quoted) return i;
  }
  return -1;
}

function splitParams(head: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let current = "";
  for (const ch of head) {
    if (ch === '"') quoted = !quoted;
    if (ch === ";" && !quoted) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

export function prop(component: IcsComponent, name: string): IcsProperty | undefined {
  return component.properties.find((p) => p.name === name);
}

export function props(component: IcsComponent, name: string): IcsProperty[] {
  return component.properties.filter((p) => p.name === name);
}

/** "20260305T123000Z" for an instant, as DTSTART in UTC. */
export function icsUtc(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}
