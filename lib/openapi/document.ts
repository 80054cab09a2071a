import { STATUSES } from '@/lib/reports/lifecycle';

/**
 * The OpenAPI 3.1 description of the public API: the portal's JSON endpoints and Open311
 * GeoReport v2. Served at /api/openapi.json; the browser tests validate real responses against
 * these schemas (JSON Schema 2020-12), so the document cannot drift from the API.
 */

const str = { type: 'string' } as const;
const nullableStr = { type: ['string', 'null'] } as const;
const num = { type: 'number' } as const;
const nullableNum = { type: ['number', 'null'] } as const;
const int = { type: 'integer' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const nullableDateTime = { type: ['string', 'null'], format: 'date-time' } as const;
const ticket = { type: 'string', pattern: '^JK\\d{10}$' } as const;
const status = { type: 'string', enum: [...STATUSES] } as const;
const wibTime = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+07:00$' } as const;
const nullableWibTime = { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+07:00$' } as const;
const share = {
  type: 'object',
  required: ['of', 'met', 'share'],
  properties: { of: int, met: int, share: nullableNum },
  additionalProperties: false,
} as const;
const durations = {
  type: 'object',
  required: ['count', 'medianHours', 'p90Hours'],
  properties: { count: int, medianHours: nullableNum, p90Hours: nullableNum },
  additionalProperties: false,
} as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ 'application/json': { schema } });
const both = (schema: unknown) => ({ 'application/json': { schema }, 'text/xml': { schema: { type: 'string' } } });
const filters = ['status', 'kategori', 'kanal', 'kota', 'kecamatan', 'kelurahan', 'dari', 'sampai'].map((name) => ({ name, in: 'query', required: false, schema: str }));
const format = { name: 'format', in: 'path', required: true, schema: { type: 'string', enum: ['json', 'xml'] } };

export const PUBLIC_REPORT_SCHEMA = {
  type: 'object',
  required: ['number', 'status', 'categoryCode', 'categoryName', 'channelCode', 'isPublic', 'description', 'lat', 'lng', 'createdAt'],
  properties: {
    number: ticket,
    status,
    categoryCode: str,
    categoryName: str,
    categoryNameEn: str,
    channelCode: str,
    isPublic: { type: 'boolean' },
    description: { ...nullableStr, description: 'Null for private reports and for text hidden by moderation; personal data masked.' },
    isModerated: { type: 'boolean', description: 'Staff edited or hid text or photos of this report.' },
    lat: { ...nullableNum, description: 'Exact for public reports; for private ones snapped to a 0.001° grid.' },
    lng: nullableNum,
    locationApproximate: { type: 'boolean', description: 'The point stands in for the kelurahan (the report came without a pin).' },
    kelurahanCode: nullableStr,
    kelurahanName: nullableStr,
    kecamatanName: nullableStr,
    kotaName: nullableStr,
    handlingAgencyName: nullableStr,
    supportCount: int,
    createdAt: dateTime,
    firstResponseDueAt: nullableDateTime,
    dueAt: nullableDateTime,
    firstResponseAt: nullableDateTime,
    finishedAt: nullableDateTime,
    estimatedCompletionAt: nullableDateTime,
    lastActivityAt: dateTime,
  },
  // never any reporter field
  additionalProperties: false,
} as const;

export function openApiDocument(site: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Aduan Jakarta — API publik',
      version: '1.0.0',
      description:
        'Laporan publik, peta, dasbor kinerja dan Open311 GeoReport v2 (jurisdiction_id jakarta.go.id). Tidak pernah memuat identitas atau kontak pelapor, tidak pernah laporan rahasia.',
    },
    servers: [{ url: site }],
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths: {
      '/api/health': { get: { summary: 'Kesehatan layanan', responses: { 200: { description: 'ok', content: json(ref('Health')) } } } },
      '/api/laporan': {
        get: {
          summary: 'Satu halaman laporan publik',
          parameters: [...filters, { name: 'halaman', in: 'query', schema: int }, { name: 'per_halaman', in: 'query', schema: int }],
          responses: { 200: { description: 'halaman laporan', content: json(ref('ReportPage')) } },
        },
      },
      '/api/laporan/sekitar': {
        get: {
          summary: 'Laporan terbuka sekitar sebuah titik untuk satu kategori',
          parameters: ['lat', 'lng', 'kategori'].map((name) => ({ name, in: 'query', required: true, schema: str })),
          responses: { 200: { description: 'laporan sekitar', content: json(ref('Nearby')) } },
        },
      },
      '/api/laporan/kirim': {
        post: {
          summary: 'Kirim laporan warga dari formulir /lapor (hanya dari halaman situs ini: Origin sama dengan host)',
          description:
            'Field formulir: formToken (16–64 karakter; kiriman ulang dengan token yang sama mendapat tiket yang sama), kategori, deskripsi, privasi (privat|publik), lat dan lng atau kelurahan, alamat, nama, telepon, email, foto (0–3) dengan foto_waktu, foto_lat, foto_lng.',
          requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', required: ['formToken', 'kategori', 'deskripsi'] } } } },
          responses: {
            200: { description: 'laporan tersimpan (atau sudah tersimpan dengan token ini)', content: json(ref('WebReportAnswer')) },
            400: { description: 'isi bukan formulir', content: json(ref('WebReportAnswer')) },
            403: { description: 'Origin bukan situs ini', content: json(ref('WebReportAnswer')) },
            413: { description: 'kiriman melebihi batas', content: json(ref('WebReportAnswer')) },
            422: { description: 'isian ditolak', content: json(ref('WebReportAnswer')) },
            429: { description: 'batas kiriman tercapai (Retry-After)', content: json(ref('WebReportAnswer')) },
            503: { description: 'gangguan sistem; kirim ulang dengan token yang sama', content: json(ref('WebReportAnswer')) },
          },
        },
      },
      '/api/peta': {
        get: {
          summary: 'Kluster dan laporan di layar peta',
          parameters: [{ name: 'bbox', in: 'query', required: true, schema: str }, { name: 'zoom', in: 'query', required: true, schema: int }, ...filters],
          responses: { 200: { description: 'fitur peta', content: json(ref('Map')) }, 400: { description: 'parameter salah', content: json(ref('PortalError')) } },
        },
      },
      '/api/dasbor': {
        get: { summary: 'Angka dasbor kinerja', parameters: filters, responses: { 200: { description: 'angka', content: json(ref('Dashboard')) } } },
      },
      '/open311/v2/discovery.{format}': {
        get: { summary: 'Open311 discovery', parameters: [format], responses: { 200: { description: 'discovery', content: both(ref('Discovery')) } } },
      },
      '/open311/v2/services.{format}': {
        get: { summary: 'Open311 services', parameters: [format], responses: { 200: { description: 'services', content: both({ type: 'array', items: ref('Service') }) } } },
      },
      '/open311/v2/services/{service_code}.{format}': {
        get: {
          summary: 'Open311 service definition',
          parameters: [{ name: 'service_code', in: 'path', required: true, schema: str }, format],
          responses: { 200: { description: 'definition', content: both(ref('ServiceDefinition')) }, 404: { description: 'unknown', content: both(ref('Errors')) } },
        },
      },
      '/open311/v2/requests.{format}': {
        get: {
          summary: 'Open311 service requests',
          parameters: [
            format,
            ...['service_request_id', 'service_code', 'start_date', 'end_date', 'status', 'page', 'page_size', 'jurisdiction_id'].map((name) => ({ name, in: 'query', schema: str })),
          ],
          responses: { 200: { description: 'requests', content: both({ type: 'array', items: ref('ServiceRequest') }) }, 400: { description: 'bad query', content: both(ref('Errors')) } },
        },
        post: {
          summary: 'File an Open311 service request',
          parameters: [format],
          requestBody: { content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', required: ['api_key', 'service_code', 'description'] } }, 'multipart/form-data': { schema: { type: 'object' } } } },
          responses: {
            200: { description: 'filed', content: both({ type: 'array', items: ref('Filed') }) },
            400: { description: 'bad request', content: both(ref('Errors')) },
            403: { description: 'missing or invalid api_key', content: both(ref('Errors')) },
            429: { description: 'rate limited', content: both(ref('Errors')) },
          },
        },
      },
      '/open311/v2/requests/{id}.{format}': {
        get: {
          summary: 'One Open311 service request',
          parameters: [{ name: 'id', in: 'path', required: true, schema: ticket }, format],
          responses: { 200: { description: 'request', content: both({ type: 'array', items: ref('ServiceRequest') }) }, 404: { description: 'unknown', content: both(ref('Errors')) } },
        },
      },
      '/open311/v2/servicerequestupdates.{format}': {
        get: {
          summary: 'Open311 service request updates (FixMyStreet extension)',
          parameters: [format, { name: 'start_date', in: 'query', schema: str }, { name: 'end_date', in: 'query', schema: str }],
          responses: { 200: { description: 'updates', content: both({ type: 'array', items: ref('Update') }) } },
        },
      },
    },
    components: {
      schemas: {
        Health: { type: 'object', required: ['ok'], properties: { ok: { type: 'boolean' } } },
        PortalError: { type: 'object', required: ['error', 'error_en'], properties: { error: str, error_en: str } },
        WebReportAnswer: {
          oneOf: [
            {
              type: 'object',
              required: ['ok', 'number', 'trackingUrl'],
              properties: { ok: { const: true }, number: ticket, trackingUrl: { type: 'string', pattern: '^/lacak/JK\\d{10}\\?kunci=' } },
              additionalProperties: false,
            },
            {
              type: 'object',
              required: ['ok'],
              properties: {
                ok: { const: false },
                fieldErrors: { type: 'object', additionalProperties: str },
                formError: { type: 'object', required: ['id', 'en'], properties: { id: str, en: str }, additionalProperties: false },
                retryAfterMinutes: int,
                isSystemError: { const: true },
              },
              additionalProperties: false,
            },
          ],
        },
        PublicReport: PUBLIC_REPORT_SCHEMA,
        ReportPage: {
          type: 'object',
          required: ['reports', 'total', 'totalIsLowerBound', 'page', 'pageSize'],
          properties: { reports: { type: 'array', items: ref('PublicReport') }, total: int, totalIsLowerBound: { type: 'boolean' }, page: int, pageSize: int },
          additionalProperties: false,
        },
        Nearby: {
          type: 'object',
          required: ['reports'],
          properties: {
            reports: {
              type: 'array',
              items: {
                type: 'object',
                required: ['number', 'status', 'distanceM'],
                properties: { number: ticket, status, description: nullableStr, distanceM: num, supportCount: int, createdAt: dateTime },
                additionalProperties: false,
              },
            },
          },
        },
        Map: {
          type: 'object',
          required: ['zoom', 'total', 'features'],
          properties: {
            zoom: int,
            total: int,
            features: {
              type: 'array',
              items: {
                oneOf: [
                  {
                    type: 'object',
                    required: ['kind', 'id', 'lat', 'lng', 'count', 'counts', 'expansionZoom'],
                    properties: { kind: { const: 'cluster' }, id: int, lat: num, lng: num, count: int, counts: { type: 'object', additionalProperties: int }, expansionZoom: int },
                    additionalProperties: false,
                  },
                  {
                    type: 'object',
                    required: ['kind', 'lat', 'lng', 'number', 'status', 'categoryCode'],
                    properties: {
                      kind: { const: 'report' },
                      lat: num,
                      lng: num,
                      number: ticket,
                      status,
                      categoryCode: str,
                      approximate: { const: true, description: "The kelurahan's centre stands in for a missing pin." },
                      kelurahanCode: str,
                    },
                    additionalProperties: false,
                  },
                ],
              },
            },
          },
        },
        Figures: {
          type: 'object',
          required: ['reports', 'rejected', 'finished', 'firstResponse', 'finish', 'responseSla', 'finishSla', 'followUpRejected', 'reopened', 'proofFlagged', 'disputed', 'satisfaction'],
          properties: {
            reports: int,
            rejected: int,
            finished: share,
            firstResponse: durations,
            finish: durations,
            responseSla: share,
            finishSla: share,
            followUpRejected: share,
            reopened: share,
            proofFlagged: share,
            disputed: share,
            satisfaction: { type: 'object', required: ['count', 'mean'], properties: { count: int, mean: nullableNum } },
          },
          additionalProperties: false,
        },
        Dashboard: {
          type: 'object',
          required: ['period', 'filters', 'leagueMinTickets', 'overall', 'granularity', 'tables'],
          properties: {
            period: { type: 'object', required: ['dari', 'sampai'], properties: { dari: str, sampai: str } },
            filters: { type: 'object' },
            leagueMinTickets: int,
            overall: ref('Figures'),
            granularity: { enum: ['hari', 'bulan'] },
            tables: {
              type: 'array',
              items: {
                type: 'object',
                required: ['id', 'columns', 'rows'],
                properties: { id: str, columns: { type: 'array', items: str }, rows: { type: 'array', items: { type: 'array', items: { type: ['string', 'number', 'null'] } } } },
              },
            },
          },
          additionalProperties: false,
        },
        Discovery: {
          type: 'object',
          required: ['changeset', 'contact', 'key_service', 'endpoints'],
          properties: {
            changeset: str,
            contact: str,
            key_service: str,
            endpoints: {
              type: 'array',
              items: {
                type: 'object',
                required: ['specification', 'url', 'changeset', 'type', 'formats'],
                properties: { specification: str, url: str, changeset: str, type: str, formats: { type: 'array', items: str } },
              },
            },
          },
        },
        Service: {
          type: 'object',
          required: ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'],
          properties: { service_code: str, service_name: str, description: str, metadata: { type: 'boolean' }, type: { enum: ['realtime', 'batch', 'blackbox'] }, keywords: str, group: str },
          additionalProperties: false,
        },
        ServiceDefinition: { type: 'object', required: ['service_code', 'attributes'], properties: { service_code: str, attributes: { type: 'array' } }, additionalProperties: false },
        ServiceRequest: {
          type: 'object',
          required: [
            'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice',
            'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url',
          ],
          properties: {
            service_request_id: ticket,
            status: { enum: ['open', 'closed'] },
            status_notes: nullableStr,
            service_name: str,
            service_code: str,
            description: nullableStr,
            agency_responsible: nullableStr,
            service_notice: nullableStr,
            requested_datetime: wibTime,
            updated_datetime: wibTime,
            expected_datetime: nullableWibTime,
            address: nullableStr,
            address_id: nullableStr,
            zipcode: nullableStr,
            lat: nullableNum,
            long: nullableNum,
            media_url: nullableStr,
          },
          additionalProperties: false,
        },
        Filed: {
          type: 'object',
          required: ['service_request_id'],
          properties: { service_request_id: ticket, service_notice: nullableStr, account_id: nullableStr },
          additionalProperties: false,
        },
        Update: {
          type: 'object',
          required: ['update_id', 'service_request_id', 'status', 'updated_datetime', 'description'],
          properties: {
            update_id: str,
            service_request_id: ticket,
            status: { enum: ['OPEN', 'INVESTIGATING', 'IN_PROGRESS', 'FIXED', 'DUPLICATE', 'NOT_COUNCILS_RESPONSIBILITY', 'NO_FURTHER_ACTION'] },
            updated_datetime: wibTime,
            description: str,
            media_url: nullableStr,
          },
          additionalProperties: false,
        },
        Errors: {
          type: 'array',
          items: { type: 'object', required: ['code', 'description'], properties: { code: str, description: str }, additionalProperties: false },
        },
      },
    },
  };
}
