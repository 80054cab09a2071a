import { describe, expect, it } from 'vitest';
import { placeOf } from './place';

const centre = { lat: -6.2, lng: 106.85 };

describe('placeOf', () => {
  it.each([
    ['a pin', { lat: -6.17, lng: 106.82, locationApproximate: false }, centre, { lat: -6.17, lng: 106.82, isApproximate: false }],
    ['an imported point inside its kelurahan', { lat: -6.17, lng: 106.82, locationApproximate: true }, centre, { lat: -6.17, lng: 106.82, isApproximate: true }],
    ['no pin: the kelurahan centre, approximate', { lat: null, lng: null, locationApproximate: false }, centre, { ...centre, isApproximate: true }],
    ['neither pin nor kelurahan', { lat: null, lng: null, locationApproximate: false }, null, null],
  ])('%s', (_label, report, kelurahanCenter, expected) => {
    expect(placeOf(report, kelurahanCenter)).toEqual(expected);
  });
});
