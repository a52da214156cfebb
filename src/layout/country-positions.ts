/**
 * Approximate positions (longitude, latitude in degrees) of countries, for the
 * geographic layout: a point inside the country near its economic centre, not
 * a border. Covers the default graph's countries and the largest economies;
 * `EU` (used for EU-wide bodies) sits at Brussels.
 */
export const COUNTRY_POSITIONS: Readonly<Record<string, readonly [lon: number, lat: number]>> = {
  AE: [54.4, 24.5], AR: [-58.4, -34.6], AT: [16.4, 48.2], AU: [151.2, -33.9], BD: [90.4, 23.8],
  BE: [4.4, 50.8], BR: [-46.6, -23.5], CA: [-79.4, 43.7], CH: [8.5, 47.4], CL: [-70.7, -33.4],
  CN: [121.5, 31.2], CO: [-74.1, 4.7], CZ: [14.4, 50.1], DE: [8.7, 50.1], DK: [12.6, 55.7],
  EG: [31.2, 30.0], ES: [-3.7, 40.4], EU: [4.35, 50.85], FI: [24.9, 60.2], FR: [2.35, 48.85],
  GB: [-0.1, 51.5], GR: [23.7, 38.0], HK: [114.2, 22.3], HU: [19.0, 47.5], ID: [106.8, -6.2],
  IE: [-6.3, 53.3], IL: [34.8, 32.1], IN: [77.6, 12.97], IR: [51.4, 35.7], IT: [9.2, 45.5],
  JP: [139.7, 35.7], KR: [127.0, 37.5], KZ: [76.9, 43.2], MA: [-7.6, 33.6], MX: [-99.1, 19.4],
  MY: [100.3, 5.4], NG: [3.4, 6.5], NL: [5.5, 51.45], NO: [10.75, 59.9], NZ: [174.8, -36.8],
  PE: [-77.0, -12.0], PH: [121.0, 14.6], PK: [67.0, 24.9], PL: [21.0, 52.2], PT: [-9.1, 38.7],
  QA: [51.5, 25.3], RO: [26.1, 44.4], RU: [37.6, 55.75], SA: [46.7, 24.7], SE: [18.1, 59.3],
  SG: [103.8, 1.35], TH: [100.5, 13.75], TR: [29.0, 41.0], TW: [121.0, 24.8], UA: [30.5, 50.45],
  US: [-98.5, 39.8], VN: [106.7, 10.8], ZA: [28.0, -26.2], CR: [-84.1, 9.9], SK: [17.1, 48.15],
  SI: [14.5, 46.05], LU: [6.13, 49.6], MT: [14.5, 35.9],
};

export const countryPosition = (code: string) => COUNTRY_POSITIONS[code];
