import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect, test } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';

/** Every documented response checked against the OpenAPI document the app serves. */
test('real responses match the OpenAPI 3.1 document, and Open311 XML agrees with JSON', async ({ request }) => {
  const doc = await (await request.get('/api/openapi.json')).json();
  expect(doc.openapi).toBe('3.1.0');
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'doc', components: doc.components });
  const check = (name: string, data: unknown, where: string) => {
    const validate = ajv.compile({ $ref: `doc#/components/schemas/${name}` });
    expect(validate(data), `${where}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  };
  const arrayOf = (name: string) => ({ type: 'array', items: { $ref: `doc#/components/schemas/${name}` } });
  const checkArray = (name: string, data: unknown, where: string) => {
    const validate = ajv.compile(arrayOf(name));
    expect(validate(data), `${where}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  };

  check('Health', await (await request.get('/api/health')).json(), '/api/health');
  const page = await (await request.get('/api/laporan?kategori=jalan&per_halaman=50')).json();
  check('ReportPage', page, '/api/laporan');
  expect(page.reports.length).toBeGreaterThan(0);
  const located = page.reports.find((r: { lat: number | null }) => r.lat !== null);
  check('Nearby', await (await request.get(`/api/laporan/sekitar?lat=${located.lat}&lng=${located.lng}&kategori=jalan`)).json(), '/api/laporan/sekitar');
  for (const zoom of [10, 17]) {
    const map = await (await request.get(`/api/peta?bbox=106.80,-6.20,106.85,-6.15&zoom=${zoom}`)).json();
    check('Map', map, `/api/peta zoom ${zoom}`);
  }
  check('PortalError', await (await request.get('/api/peta')).json(), '/api/peta error');
  check('Dashboard', await (await request.get('/api/dasbor?kota=31.71')).json(), '/api/dasbor');

  const foreign = await request.post('/api/laporan/kirim', { headers: { origin: 'https://penyerang.example' }, multipart: { formToken: 'kontrak-asing-abcdefgh' } });
  expect(foreign.status()).toBe(403);
  check('WebReportAnswer', await foreign.json(), '/api/laporan/kirim refused');

  check('Discovery', await (await request.get('/open311/v2/discovery.json')).json(), 'discovery');
  const services = await (await request.get('/open311/v2/services.json')).json();
  checkArray('Service', services, 'services');
  check('ServiceDefinition', await (await request.get('/open311/v2/services/jalan.json')).json(), 'service definition');
  const requests = await (await request.get('/open311/v2/requests.json?page_size=100')).json();
  checkArray('ServiceRequest', requests, 'requests');
  checkArray('ServiceRequest', await (await request.get(`/open311/v2/requests/${requests[0].service_request_id}.json`)).json(), 'request');
  checkArray('Update', await (await request.get('/open311/v2/servicerequestupdates.json?start_date=2020-01-01T00:00:00Z&end_date=2020-01-07T00:00:00Z')).json(), 'updates');
  check('Errors', await (await request.get('/open311/v2/requests.json?status=x')).json(), 'errors');

  // XML carries the same records as JSON, field by field
  const parser = new XMLParser({ isArray: (name) => ['request', 'service'].includes(name), parseTagValue: false });
  const xmlRequests = parser.parse(await (await request.get('/open311/v2/requests.xml?page_size=100')).text()).service_requests.request;
  expect(xmlRequests).toHaveLength(requests.length);
  for (const [i, r] of requests.entries()) {
    for (const [key, value] of Object.entries(r)) {
      const x = xmlRequests[i][key];
      expect(value === null ? (x === '' || x === undefined ? null : x) : String(value), `${r.service_request_id}.${key}`).toBe(value === null ? null : String(x));
    }
  }
  const xmlServices = parser.parse(await (await request.get('/open311/v2/services.xml')).text()).services.service;
  expect(xmlServices.map((s: { service_code: string }) => s.service_code)).toEqual(services.map((s: { service_code: string }) => s.service_code));
});
