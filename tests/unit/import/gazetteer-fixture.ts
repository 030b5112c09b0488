// A small literal gazetteer for import tests: all provinces, the partner countries, a few places, the sectors.
// Copied from public/data/atlas.json (province ids per ISO 3166-2:IR, 2018 list) so tests do not depend on the build.
import type { Gazetteer, GazetteerEntry } from '../../../src/core/import-types.ts';

const province = (
  id: string,
  fa: string,
  en: string,
  lon: number,
  lat: number,
  aliases: string[] = [],
): GazetteerEntry => ({
  id,
  kind: 'province',
  name: { fa, en },
  lonLat: [lon, lat],
  aliases,
});

const country = (iso3: string, iso2: string, fa: string, en: string, lon: number, lat: number): GazetteerEntry => ({
  id: iso3,
  kind: 'country',
  name: { fa, en },
  lonLat: [lon, lat],
  aliases: [iso2],
});

/** Provinces: id, Persian and English name, capital lon/lat. */
export const PROVINCES: GazetteerEntry[] = [
  province('IR-00', 'مرکزی', 'Markazi', 49.6981, 34.0949),
  province('IR-01', 'گیلان', 'Gilan', 49.5886, 37.2761),
  province('IR-02', 'مازندران', 'Mazandaran', 53.0601, 36.5633),
  province('IR-03', 'آذربایجان شرقی', 'East Azerbaijan', 46.2919, 38.08, ['Azarbayjan-e Sharqi', 'آذربایجان‌شرقی']),
  province('IR-04', 'آذربایجان غربی', 'West Azerbaijan', 45.0761, 37.5527),
  province('IR-05', 'کرمانشاه', 'Kermanshah', 47.065, 34.3142),
  province('IR-06', 'خوزستان', 'Khuzestan', 48.6842, 31.319),
  province('IR-07', 'فارس', 'Fars', 52.5311, 29.6103),
  province('IR-08', 'کرمان', 'Kerman', 57.0788, 30.2832),
  province('IR-09', 'خراسان رضوی', 'Razavi Khorasan', 59.6057, 36.2981, ['Khorasan Razavi', 'Khorasan-e Razavi']),
  province('IR-10', 'اصفهان', 'Isfahan', 51.6746, 32.6525),
  province('IR-11', 'سیستان و بلوچستان', 'Sistan and Baluchestan', 60.8629, 29.4963, ['Sistan & Baluchestan']),
  province('IR-12', 'کردستان', 'Kurdistan', 46.9988, 35.315),
  province('IR-13', 'همدان', 'Hamadan', 48.5146, 34.7992),
  province('IR-14', 'چهارمحال و بختیاری', 'Chaharmahal and Bakhtiari', 50.8572, 32.3261, ['Chaharmahal & Bakhtiari']),
  province('IR-15', 'لرستان', 'Lorestan', 48.3558, 33.4878),
  province('IR-16', 'ایلام', 'Ilam', 46.4227, 33.6374),
  province('IR-17', 'کهگیلویه و بویراحمد', 'Kohgiluyeh and Boyer-Ahmad', 51.588, 30.6682, ['Kohgiluyeh & Boyer-Ahmad']),
  province('IR-18', 'بوشهر', 'Bushehr', 50.8366, 28.9689),
  province('IR-19', 'زنجان', 'Zanjan', 48.4963, 36.6764),
  province('IR-20', 'سمنان', 'Semnan', 53.392, 35.5769),
  province('IR-21', 'یزد', 'Yazd', 54.3675, 31.8972),
  province('IR-22', 'هرمزگان', 'Hormozgan', 56.2808, 27.1865),
  province('IR-23', 'تهران', 'Tehran', 51.4215, 35.6944, ['Teheran']),
  province('IR-24', 'اردبیل', 'Ardabil', 48.2933, 38.2498),
  province('IR-25', 'قم', 'Qom', 50.8764, 34.6401),
  province('IR-26', 'قزوین', 'Qazvin', 50.0041, 36.2688),
  province('IR-27', 'گلستان', 'Golestan', 54.4439, 36.8427),
  province('IR-28', 'خراسان شمالی', 'North Khorasan', 57.329, 37.4747),
  province('IR-29', 'خراسان جنوبی', 'South Khorasan', 59.2211, 32.8663),
  province('IR-30', 'البرز', 'Alborz', 50.9915, 35.8327),
];

/** Countries: ISO 3166-1 alpha-3 id with the alpha-2 code as an alias, capital lon/lat. */
export const COUNTRIES: GazetteerEntry[] = [
  country('KAZ', 'KZ', 'قزاقستان', 'Kazakhstan', 71.446, 51.1801),
  country('UZB', 'UZ', 'ازبکستان', 'Uzbekistan', 69.2163, 41.2647),
  country('TKM', 'TM', 'ترکمنستان', 'Turkmenistan', 58.3833, 37.95),
  country('KGZ', 'KG', 'قرقیزستان', 'Kyrgyzstan', 74.59, 42.87),
  country('TJK', 'TJ', 'تاجیکستان', 'Tajikistan', 68.779, 38.5358),
  country('AZE', 'AZ', 'جمهوری آذربایجان', 'Azerbaijan', 49.892, 40.3777),
  country('ARM', 'AM', 'ارمنستان', 'Armenia', 44.5136, 40.1811),
  country('RUS', 'RU', 'روسیه', 'Russia', 37.6156, 55.7522),
  country('AFG', 'AF', 'افغانستان', 'Afghanistan', 69.1723, 34.5281),
  country('TUR', 'TR', 'ترکیه', 'Turkey', 32.8597, 39.9334),
  country('CHN', 'CN', 'چین', 'China', 116.3975, 39.9087),
];

export const PLACES: GazetteerEntry[] = [
  {
    id: 'bandar-abbas',
    kind: 'place',
    name: { fa: 'بندرعباس (بندر شهید رجایی)', en: 'Bandar Abbas (Shahid Rajaee port)' },
    lonLat: [56.06, 27.11],
    aliases: [],
  },
  {
    id: 'chabahar',
    kind: 'place',
    name: { fa: 'چابهار (بندر شهید بهشتی)', en: 'Chabahar (Shahid Beheshti port)' },
    lonLat: [60.646, 25.297],
    aliases: [],
  },
  {
    id: 'bandar-anzali',
    kind: 'place',
    name: { fa: 'بندر انزلی', en: 'Bandar Anzali' },
    lonLat: [49.458, 37.473],
    aliases: [],
  },
  { id: 'sarakhs', kind: 'place', name: { fa: 'سرخس', en: 'Sarakhs' }, lonLat: [61.158, 36.545], aliases: [] },
  { id: 'aktau', kind: 'place', name: { fa: 'آکتائو', en: 'Aktau' }, lonLat: [51.174, 43.661], aliases: [] },
];

export const SECTORS: Gazetteer['sectors'] = [
  { id: 'mining', name: { fa: 'معدن و مواد معدنی', en: 'Mining and minerals' } },
  { id: 'steel-metals', name: { fa: 'فولاد و فلزات', en: 'Steel and metals' } },
  { id: 'automotive', name: { fa: 'خودرو و قطعات', en: 'Automotive' } },
  { id: 'food', name: { fa: 'صنایع غذایی و شیرینی', en: 'Food and confectionery' } },
  { id: 'pharma', name: { fa: 'دارویی', en: 'Pharmaceuticals' } },
  { id: 'petrochemicals', name: { fa: 'نفت، گاز و پتروشیمی', en: 'Oil, gas and petrochemicals' } },
  { id: 'building-materials', name: { fa: 'مصالح ساختمانی', en: 'Building materials' } },
  { id: 'agriculture', name: { fa: 'کشاورزی، دام و شیلات', en: 'Agriculture and fisheries' } },
  { id: 'tourism-health', name: { fa: 'گردشگری و سلامت', en: 'Tourism and health' } },
  { id: 'engineering', name: { fa: 'خدمات فنی و مهندسی', en: 'Engineering services' } },
  { id: 'trade', name: { fa: 'بازرگانی و گمرک', en: 'Trade and customs' } },
  { id: 'industry', name: { fa: 'صنعت و تولید', en: 'Industry and manufacturing' } },
  { id: 'transport', name: { fa: 'حمل‌ونقل و ترانزیت', en: 'Transport and transit' } },
  { id: 'culture', name: { fa: 'فرهنگ', en: 'Culture' } },
  { id: 'general', name: { fa: 'نمای کلی', en: 'General profile' } },
];

/** The gazetteer the import tests resolve against. */
export const GAZETTEER: Gazetteer = { entries: [...PROVINCES, ...COUNTRIES, ...PLACES], sectors: SECTORS };
