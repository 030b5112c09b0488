// The dataset the app loads (public/data/atlas.json): validated and enriched at build time by
// scripts/dataset/. Run-time code trusts these types; nothing here is computed in the browser.
import type { Bilingual, LonLat } from './geodata.ts';

export const ATLAS_DATA_PATH = 'data/atlas.json';
/** Names imports resolve against (`Gazetteer` in src/core/import-types.ts). */
export const GAZETTEER_DATA_PATH = 'data/gazetteer.json';

/** A number with its unit, e.g. `{ value: 5500, unit: 'units', qualifier: 'over' }`. Units and qualifiers are vocabulary ids. */
export interface Quantity {
  value: number;
  unit: string;
  qualifier?: string;
}

/** A report (file name, short verbatim Persian excerpt) or a public reference (see `sources.references`). */
export type Citation = { report: string; excerpt: string; scrambled?: true } | { ref: string };

/** Later public knowledge (dated, `YYYY-MM` or `YYYY-MM-DD`, with sources), or our editorial remark. */
export type Note =
  { kind: 'later'; date: string; text: Bilingual; sources: Citation[] } | { kind: 'editorial'; text: Bilingual };

/** A person the reports quote, with their role at the time of the report. */
export interface Speaker {
  id: string;
  name: Bilingual;
  role: Bilingual;
  /** The phrase after "according to" / «به گفتهٔ», e.g. "the governor of Fars". */
  according: Bilingual;
  /** The province, partner or organisation they spoke for. */
  organisation: string;
  /** Set when they no longer hold that role; `refs` are the public sources that show it. */
  then?: { refs: string[] };
}

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
  /** For an undated report: the year its content points to, the range it lies in, why, and the public sources relied on. */
  dateInferred?: { year: number; from: string; to: string; basis: Bilingual; refs: string[] };
  outlet: Bilingual;
  title: Bilingual;
  /** `headline`: the outlet's own headline (translated in en); `summary`: our summary where the headline is unknown. */
  titleKind: 'headline' | 'summary';
  url?: string;
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
  /** A speaker id (`speakers`), or `report` for the outlet's own narration. */
  saidBy: string;
  notes: Note[];
  /** The date of the report it comes from; null when the report has no exact date. */
  date: string | null;
  /** The report it comes from (its first report citation), for "when reported". */
  reportId: string | null;
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
  /** Speaker ids. */
  people: string[];
  participants: string[];
  saidBy: string;
  notes: Note[];
  sources: Citation[];
  reportId: string | null;
  /** Derived: the province the arc starts in (an organisation's seat); null for Iran as a whole and national bodies. */
  fromProvince: string | null;
  /** Derived: arc start (a provincial capital, or the national symbol) and end (the partner's capital; null for groups and internal Iranian meetings). */
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
  /** True where no cited source draws the branch: our own assumption, drawn dashed, not counted in `Corridor.provinces`. */
  drawnByProject?: boolean;
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
  /** What `members` are: parties to an agreement, or (no treaty) the countries on the route. Defaults to 'members' at build time. */
  membership: 'members' | 'route';
  facts: { text: Bilingual; sources: Citation[] }[];
  branches: CorridorBranch[];
  sources: string[];
  /** Derived: length of the drawn network, each shared segment counted once. */
  lengthKm: number;
  /** Derived: Iranian provinces (ISO 3166-2:IR) that the sourced (not project-drawn) paths cross, with hand corrections for boundaries the basemap predates. */
  provinces: string[];
  bbox: [west: number, south: number, east: number, north: number];
}

export interface CaspianService {
  kind: string;
  text: Bilingual;
  sources: Citation[];
  since?: string;
  /** The date of the source the service is known from; nothing says it still runs later. */
  asOf?: string;
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

/** Link kinds for meetings among Iranians: drawn as rings at their origin, never as arcs to a partner. */
export const INTERNAL_LINK_KINDS: readonly string[] = ['internal-consultation', 'internal-forum'];

export type Vocabulary = Record<
  'factKinds' | 'linkKinds' | 'statuses' | 'units' | 'qualifiers' | 'modes' | 'serviceKinds' | 'placeKinds',
  Record<string, Bilingual>
>;

export interface AtlasData {
  /** The newest report date: "data as of". */
  dataDate: string;
  sectors: Sector[];
  vocabulary: Vocabulary;
  /** Status ids with their definitions (data/README.md › Status words). */
  statusDefinitions: Record<string, Bilingual>;
  sources: { reports: Report[]; references: Reference[] };
  /** Iran as a whole and its national bodies: an entity of its own, never counted as Tehran province. */
  national: {
    id: 'IRN';
    name: Bilingual;
    symbol: Bilingual;
    anchor: LonLat;
    note: Bilingual;
    factIds: string[];
    linkIds: string[];
    organisationIds: string[];
  };
  speakers: Speaker[];
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
