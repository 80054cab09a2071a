import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { publicUrlForRequest } from '@/lib/config/public-url';
import {
  discovery,
  findRequest,
  findRequests,
  findUpdates,
  JURISDICTION,
  listServices,
  Open311Error,
  parseRequestQuery,
  render,
  renderErrors,
  renderXmlObject,
  serviceDefinition,
  type Format,
} from '@/lib/open311/georeport';
import { fileServiceRequest } from '@/lib/open311/file';
import { getStorage } from '@/lib/media/storage';
import { reportChanged } from '@/lib/cache/pages';
import { logUnexpected } from '@/lib/server/request';

const TYPES: Record<Format, string> = { json: 'application/json; charset=utf-8', xml: 'text/xml; charset=utf-8' };

/** GET /open311/v2/{discovery,services,services/{code},requests,requests/{id}}.{json,xml} — Open311 GeoReport v2. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ path: string[] }> }) {
  const path = (await params).path.join('/');
  const match = /^(.*)\.(json|xml)$/.exec(path);
  const format: Format = (match?.[2] as Format) ?? 'json';
  const answer = (status: number, body: string) => new Response(body, { status, headers: { 'Content-Type': TYPES[format], 'Cache-Control': 'public, max-age=60' } });
  try {
    if (!match) throw new Open311Error(404, 'Gunakan akhiran .json atau .xml / use a .json or .xml suffix');
    const jurisdiction = request.nextUrl.searchParams.get('jurisdiction_id');
    if (jurisdiction && jurisdiction !== JURISDICTION) throw new Open311Error(404, `jurisdiction_id ${jurisdiction} tidak dilayani / not served`);
    const resource = match[1];
    const db = getDb();
    const site = publicUrlForRequest(request.headers);
    if (resource === 'discovery') {
      const d = discovery(`${site}/open311/v2`);
      if (format === 'json') return answer(200, JSON.stringify(d));
      const endpoints = { endpoint: d.endpoints.map((e) => ({ ...e, formats: { format: e.formats } })) };
      return answer(200, renderXmlObject('discovery', { ...d, endpoints }));
    }
    if (resource === 'services') return answer(200, render(format, 'services', 'service', await listServices(db)));
    const service = /^services\/([a-z0-9-]{1,40})$/.exec(resource);
    if (service) {
      const def = await serviceDefinition(db, service[1]);
      return answer(200, format === 'json' ? JSON.stringify(def) : renderXmlObject('service_definition', { service_code: def.service_code, attributes: {} }));
    }
    if (resource === 'requests') {
      const q = parseRequestQuery(request.nextUrl.searchParams, new Date());
      return answer(200, render(format, 'service_requests', 'request', await findRequests(db, q, site)));
    }
    if (resource === 'servicerequestupdates') {
      return answer(200, render(format, 'service_request_updates', 'request_update', await findUpdates(db, request.nextUrl.searchParams, new Date())));
    }
    const token = /^tokens\/(JK\d{10})$/i.exec(resource);
    if (token) {
      // requests are filed at once, so a token is the request's own id
      const found = await findRequest(db, token[1], site);
      if (!found.length) throw new Open311Error(404, `token ${token[1]} tidak ditemukan / not found`);
      return answer(200, render(format, 'service_requests', 'request', [{ service_request_id: found[0].service_request_id, token: found[0].service_request_id }]));
    }
    const one = /^requests\/(JK\d{10})$/i.exec(resource);
    if (one) {
      const found = await findRequest(db, one[1], site);
      if (!found.length) throw new Open311Error(404, `service_request_id ${one[1]} tidak ditemukan / not found`);
      return answer(200, render(format, 'service_requests', 'request', found));
    }
    throw new Open311Error(404, `${resource} tidak ada / not found`);
  } catch (error) {
    if (error instanceof Open311Error) return answer(error.status, renderErrors(format, error));
    const id = logUnexpected('open311', error);
    return new Response(renderErrors(format, new Open311Error(400, `gangguan sementara (kode ${id}) / temporary failure`)), { status: 500, headers: { 'Content-Type': TYPES[format] } });
  }
}

/** POST /open311/v2/requests.{json,xml} — files a service request (form-encoded or multipart with `media`). */
export async function POST(request: NextRequest, { params }: { params: Promise<{ path: string[] }> }) {
  const path = (await params).path.join('/');
  const match = /^requests\.(json|xml)$/.exec(path);
  const format: Format = (/\.(json|xml)$/.exec(path)?.[1] as Format) ?? 'json';
  const answer = (status: number, body: string) => new Response(body, { status, headers: { 'Content-Type': TYPES[format] } });
  try {
    if (!match) throw new Open311Error(404, `${path} tidak menerima POST / does not accept POST`);
    const jurisdiction = request.nextUrl.searchParams.get('jurisdiction_id');
    if (jurisdiction && jurisdiction !== JURISDICTION) throw new Open311Error(404, `jurisdiction_id ${jurisdiction} tidak dilayani / not served`);
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new Open311Error(400, 'isi permintaan harus form-encoded atau multipart / body must be form-encoded or multipart');
    }
    const filed = await fileServiceRequest(getDb(), form, { now: new Date(), storage: getStorage(), publicUrl: publicUrlForRequest(request.headers) });
    reportChanged(filed[0].service_request_id);
    return answer(200, render(format, 'service_requests', 'request', filed));
  } catch (error) {
    if (error instanceof Open311Error) return answer(error.status, renderErrors(format, error));
    const id = logUnexpected('open311 POST', error);
    return new Response(renderErrors(format, new Open311Error(400, `gangguan sementara (kode ${id}) / temporary failure`)), { status: 500, headers: { 'Content-Type': TYPES[format] } });
  }
}
