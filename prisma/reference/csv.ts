// A small RFC 4180 CSV parser: quoted fields may hold commas, line breaks and doubled quotes ("").
// Accepts LF and CRLF line endings and a leading byte-order mark.

/** Parses CSV text into rows of fields. A trailing line break does not produce an empty row. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const endField = () => {
    row.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };

  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') {
        field += ch;
      } else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else {
        quoted = false;
      }
    } else if (ch === '"' && field === "") {
      quoted = true;
    } else if (ch === ",") {
      endField();
    } else if (ch === "\n") {
      endRow();
    } else if (ch === "\r" && text[i + 1] === "\n") {
      endRow();
      i++;
    } else {
      field += ch;
    }
  }
  if (quoted) throw new Error("CSV: a quoted field is not closed");
  if (field !== "" || row.length > 0) endRow();
  return rows;
}

/**
 * Parses CSV with a header row into records keyed by column name. Throws when a required
 * column is missing or a row has the wrong number of fields, naming the source in the message.
 */
export function csvRecords<C extends string>(text: string, columns: readonly C[], source: string): Record<C, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error(`${source}: the file is empty`);
  const index = new Map(header.map((name, i) => [name.trim(), i]));
  for (const column of columns) {
    if (!index.has(column)) throw new Error(`${source}: column "${column}" is missing (found: ${header.join(", ")})`);
  }
  return rows
    .filter((fields) => !(fields.length === 1 && fields[0]?.trim() === ""))
    .map((fields, n) => {
      if (fields.length !== header.length) {
        throw new Error(`${source}: row ${n + 2} has ${fields.length} fields, expected ${header.length}`);
      }
      const record = {} as Record<C, string>;
      // Every column was found in the header, and the row has as many fields as the header.
      for (const column of columns) record[column] = fields[index.get(column)!]!.trim();
      return record;
    });
}
