/**
 * A one-page PDF with a few lines of text, written by hand: five objects, Helvetica, and an
 * xref table whose offsets are counted in bytes, so a PDF reader opens it without repairing it.
 * Only printable ASCII is kept (the standard fonts have no Hebrew glyphs).
 */
export function tinyPdf(title: string, lines: readonly string[]): Uint8Array<ArrayBuffer> {
  const text = (value: string) => `(${value.replace(/[^\x20-\x7e]/g, "?").replace(/[\\()]/g, "\\$&")})`;
  const stream = [
    "BT",
    "/F1 18 Tf",
    "72 770 Td",
    `${text(title)} Tj`,
    "/F1 12 Tf",
    "18 TL",
    "T* T*",
    ...lines.map((line) => `${text(line)} Tj T*`),
    "ET",
  ].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  // Everything is ASCII, so a string's length is its length in bytes.
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(out.length);
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  // Each xref entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, space, LF.
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
