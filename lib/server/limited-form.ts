import 'server-only';

/**
 * Reads a request's form body, refusing one larger than `maxBytes` before parsing it: at once by
 * its Content-Length, else while it streams in (a chunked body names no length). Null when too large;
 * throws a TypeError when the body is no form.
 */
export async function readFormWithin(request: Request, maxBytes: number): Promise<FormData | null> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return null;
      }
      chunks.push(value);
    }
  }
  const body = new Blob(chunks as BlobPart[]);
  return new Response(body, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
}

