// The dataset the app loads (public/data/atlas.json): validated and enriched at build time by
// scripts/dataset/. Run-time code trusts these types; nothing here is computed in the browser.
import type { Bilingual, LonLat } from './geodata.ts';

export const ATLAS_DATA_PATH = 'data/atlas.json';
/** Names imports resolve against (`Gazetteer` in src/import/types.ts). */
export const GAZETTEER_DATA_PATH = 'data/gazetteer.json';

/** A number with its unit, e.g. `{ value: 5500, unit: 'units', qualifier: 'over' }`. Units and qualifiers are vocabulary ids. */
export interface Quantity {
  value: number;
  unit: string;
  qualifier?: string;
}

/** A report (file name, short verbatim Persian excerpt) or a public reference (see `sources.references`). */
export type Citation = { report: string; excerpt: string } | { ref: string };

export interface Sector {
  id: string;
  name: Bilingual;
  /** CSS hex colour, from a colour-blind-safe palette. */
  colour: string;
}

export interface Report {
  /** File name in the seeds folder, e.g. `001_94fc70272dc78c07.txt`. */
  id: string;
  /** ISO date, or null for an undated report. */
  date: string | null;
  outlet: Bilingual;
  title: Bilingual;
}

export interface Reference {
  id: string;
  title: string;
  url: string;
}

/** Subjects of facts: a province (`IR-03`), a partner (`KAZ`), an organisation id, or `IRN` for Iran as a whole. */
export interface Fact {
  id: string;
  subject: string;
  kind: string;
  sectors: string[];
  text: Bilingual;
  quantities: Quantity[];
  sources: Citation[];
  /** The date of the report it comes from; null when the report is undated. */
  date: string | null;
}

export interface Person {
  name: Bilingual;
  role: Bilingual;
}

export interface Link {
  id: string;
  /** Province, organisation or `IRN`. */
  from: string;
  /** Partner (ISO alpha-3) or partner group (`G-...`). */
  to: string;
  kind: string;
  status: string;
  date: string | null;
  dateEnd?: string;
  due?: string;
  /** What moves: outbound from Iran, inbound to Iran, or both ways. */
  flow: 'outbound' | 'inbound' | 'both';
  sectors: string[];
  text: Bilingual;
  quantities: Quantity[];
  topics: { text: Bilingual; sectors: string[] }[];
  people: Person[];
  participants: string[];
  sources: Citation[];
  /** Derived: the province the arc starts in (the organisation's seat, Tehran for IRN). */
  fromProvince: string;
  /** Derived: arc start (a provincial capital) and end (the partner's capital; null for groups). */
  sourcePosition: LonLat;
  targetPosition: LonLat | null;
}

export interface Place {
  id: string;
  name: Bilingual;
  kind: string;
  country?: string;
  province?: string;
  lonLat: LonLat;
  precision: string;
}

export interface CorridorBranch {
  id: string;
  name: Bilingual;
  mode: string;
  nodes: string[];
  /** Derived: the drawn path through the nodes; Caspian legs follow the sea lanes. */
  path: LonLat[];
  lengthKm: number;
}

export interface Corridor {
  id: string;
  name: Bilingual;
  shortName: Bilingual;
  colour: string;
  modes: string[];
  founding: { year: number | null; date?: string; place?: Bilingual; agreement: Bilingual };
  members: string[];
  facts: { text: Bilingual; sources: Citation[] }[];
  branches: CorridorBranch[];
  sources: string[];
  /** Derived: length of the drawn network, each shared segment counted once. */
  lengthKm: number;
  /** Derived: Iranian provinces (ISO 3166-2:IR) that the drawn paths cross. */
  provinces: string[];
  bbox: [west: number, south: number, east: number, north: number];
}

export interface CaspianService {
  kind: string;
  text: Bilingual;
  sources: Citation[];
  since?: string;
  frequency?: Quantity;
  publishedKm?: number;
}

export interface CaspianRoute {
  id: string;
  /** Two place ids (ports). */
  ports: [string, string];
  services: CaspianService[];
  /** Derived: the sea lane, from port to port over open water. */
  path: LonLat[];
  lengthKm: number;
  /** Derived: countries of the two ports (ISO alpha-3). */
  countries: [string, string];
}

export interface ProvinceInfo {
  id: string;
  name: Bilingual;
  capital: { name: Bilingual; lonLat: LonLat };
  bbox: [number, number, number, number];
  /** Derived indexes, so panels need no searching. */
  factIds: string[];
  linkIds: string[];
  corridorIds: string[];
  organisationIds: string[];
}

export interface PartnerInfo {
  id: string;
  name: Bilingual;
  region: 'central-asia' | 'caucasus' | 'caspian' | 'neighbour';
  caspian: boolean;
  capital: { name: Bilingual; lonLat: LonLat };
  bbox: [number, number, number, number];
  factIds: string[];
  linkIds: string[];
  corridorIds: string[];
  routeIds: string[];
}

export interface PartnerGroup {
  id: string;
  name: Bilingual;
  note: Bilingual;
  linkIds: string[];
}

export interface Organisation {
  id: string;
  name: Bilingual;
  scope: 'national' | 'provincial' | 'foreign';
  seat: string;
  factIds: string[];
  linkIds: string[];
}

export type Vocabulary = Record<
  'factKinds' | 'linkKinds' | 'statuses' | 'units' | 'qualifiers' | 'modes' | 'serviceKinds' | 'placeKinds',
  Record<string, Bilingual>
>;

export interface AtlasData {
  /** The newest report date: "data as of". */
  dataDate: string;
  sectors: Sector[];
  vocabulary: Vocabulary;
  sources: { reports: Report[]; references: Reference[] };
  national: { id: 'IRN'; name: Bilingual; factIds: string[]; linkIds: string[] };
  provinces: ProvinceInfo[];
  partners: PartnerInfo[];
  groups: PartnerGroup[];
  organisations: Organisation[];
  facts: Fact[];
  links: Link[];
  places: Place[];
  corridors: Corridor[];
  identification: { text: Bilingual; sources: Citation[] };
  caspianRoutes: CaspianRoute[];
}
