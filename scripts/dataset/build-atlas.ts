// Assembles public/data/atlas.json from the validated data files: derives dates, arc endpoints,
// paths, lengths, crossings and the indexes the panels read.
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { AtlasData, CaspianRoute, Corridor, Fact, Link, Vocabulary } from '../../src/model/atlas.ts';
import type { Bilingual, LonLat } from '../../src/model/geodata.ts';
import type { ProvinceRecord } from '../geodata/region-topology.ts';
import type { DatasetFiles } from './load.ts';
import { checkIntegrity } from './integrity.ts';
import { bboxOf, branchPath, lengthKm, provincesCrossed, SeaLanes, type Bbox } from './geometry.ts';
import { ValidationError } from './load.ts';

export interface AtlasInputs {
  files: DatasetFiles;
  provinceRecords: ProvinceRecord[];
  provinceShapes: Feature<Polygon | MultiPolygon, { id: string }>[];
  countryShapes: Feature<Polygon | MultiPolygon, { id: string }>[];
}

const IRAN: Bilingual = { fa: 'ایران', en: 'Iran' };
const TEHRAN = 'IR-23';

export function buildAtlas({ files, provinceRecords, provinceShapes, countryShapes }: AtlasInputs): AtlasData {
  const problems = checkIntegrity(files, provinceRecords);
  if (problems.length > 0) throw new ValidationError(problems);

  const placeById = new Map(files.places.places.map((p) => [p.id, p]));
  const placeLonLat = (id: string): LonLat => placeById.get(id)!.lonLat as LonLat;
  const sea = new SeaLanes(files.caspian, placeLonLat);
  const reportDate = new Map(files.sources.reports.map((r) => [r.id, r.date]));
  const capitalOf = new Map<string, LonLat>([
    ...provinceRecords.map((p) => [p.id, p.capital.lonLat] as [string, LonLat]),
    ...files.partners.partners.map((p) => [p.id, p.capital.lonLat as LonLat] as [string, LonLat]),
  ]);
  const seatOf = new Map(files.organisations.organisations.map((o) => [o.id, o.seat]));
  /** The province an arc from this origin starts in: itself, an organisation's seat, or Tehran. */
  const homeProvince = (origin: string): string => {
    const seat = seatOf.get(origin) ?? origin;
    return seat.startsWith('IR-') ? seat : TEHRAN;
  };

  const facts: Fact[] = files.facts.facts.map((fact) => ({ ...fact, date: firstReportDate(fact.sources, reportDate) }));
  const links: Link[] = files.links.links.map((link) => {
    const fromProvince = homeProvince(link.from);
    const link_: Link = {
      ...link,
      participants: link.participants ?? [],
      fromProvince,
      sourcePosition: capitalOf.get(fromProvince)!,
      targetPosition: capitalOf.get(link.to) ?? null,
    };
    return link_;
  });

  const corridors: Corridor[] = files.corridors.corridors.map((corridor) => {
    const branches = corridor.branches.map((branch) => {
      const path = branchPath(branch.nodes, branch.mode, placeLonLat, sea);
      return { ...branch, path, lengthKm: lengthKm(path) };
    });
    return {
      ...corridor,
      branches,
      lengthKm: networkLengthKm(branches.map((b) => b.path)),
      provinces: provincesCrossed(branches.map((b) => b.path), provinceShapes),
      bbox: bboxOf(branches.flatMap((b) => b.path)),
    };
  });

  const caspianRoutes: CaspianRoute[] = files.caspian.routes.map((route) => {
    const path = sea.lane(route.ports[0], route.ports[1]);
    const countries = route.ports.map((p) => placeById.get(p)!.country!) as [string, string];
    return { ...route, path, lengthKm: lengthKm(path), countries };
  });

  const factIdsOf = (subject: string) => facts.filter((f) => f.subject === subject).map((f) => f.id);
  const linkIdsOf = (test: (link: Link) => boolean) => links.filter(test).map((l) => l.id);
  const organisationsIn = (seat: string) => files.organisations.organisations.filter((o) => o.seat === seat).map((o) => o.id);
  const shapeBbox = (shapes: Feature[], id: string): Bbox => turf.bbox(shapes.find((s) => s.properties?.['id'] === id)!).map((x) => Math.round(x * 1e4) / 1e4) as Bbox;

  return {
    dataDate: files.sources.reports.map((r) => r.date ?? '').sort().at(-1)!,
    sectors: files.vocabulary.sectors,
    vocabulary: buildVocabulary(files),
    sources: files.sources,
    national: { id: 'IRN', name: IRAN, factIds: factIdsOf('IRN'), linkIds: linkIdsOf((l) => l.from === 'IRN') },
    provinces: provinceRecords.map((p) => ({
      id: p.id,
      name: p.name,
      capital: p.capital,
      bbox: shapeBbox(provinceShapes, p.id),
      factIds: factIdsOf(p.id),
      linkIds: linkIdsOf((l) => l.fromProvince === p.id || l.participants.includes(p.id)),
      corridorIds: corridors.filter((c) => c.provinces.includes(p.id)).map((c) => c.id),
      organisationIds: organisationsIn(p.id),
    })),
    partners: files.partners.partners.map((p) => ({
      ...p,
      capital: { name: p.capital.name, lonLat: p.capital.lonLat as LonLat },
      bbox: shapeBbox(countryShapes, p.id),
      factIds: factIdsOf(p.id),
      linkIds: linkIdsOf((l) => l.to === p.id),
      corridorIds: corridors.filter((c) => c.members.includes(p.id)).map((c) => c.id),
      routeIds: caspianRoutes.filter((r) => r.countries.includes(p.id)).map((r) => r.id),
    })),
    groups: files.partners.groups.map((g) => ({ ...g, linkIds: linkIdsOf((l) => l.to === g.id) })),
    organisations: files.organisations.organisations.map((o) => ({
      ...o,
      factIds: factIdsOf(o.id),
      linkIds: linkIdsOf((l) => l.from === o.id || l.participants.includes(o.id)),
    })),
    facts,
    links,
    places: files.places.places.map((p) => ({ ...p, lonLat: p.lonLat as LonLat })),
    corridors,
    identification: files.corridors.identification,
    caspianRoutes,
  };
}

function firstReportDate(sources: Fact['sources'], reportDate: Map<string, string | null>): string | null {
  for (const citation of sources) if ('report' in citation) return reportDate.get(citation.report) ?? null;
  return null;
}

/** Total length of the drawn network, counting a segment shared by several branches once. */
function networkLengthKm(paths: LonLat[][]): number {
  const seen = new Set<string>();
  let km = 0;
  for (const path of paths) {
    for (let i = 1; i < path.length; i++) {
      const key = [path[i - 1], path[i]].map((p) => p!.join(',')).sort().join('|');
      if (seen.has(key)) continue;
      seen.add(key);
      km += turf.distance(path[i - 1]!, path[i]!, { units: 'kilometers' });
    }
  }
  return Math.round(km);
}

function buildVocabulary(files: DatasetFiles): Vocabulary {
  const table = (list: { id: string; name: Bilingual }[]) => Object.fromEntries(list.map((item) => [item.id, item.name]));
  const v = files.vocabulary;
  return {
    factKinds: table(v.factKinds),
    linkKinds: table(v.linkKinds),
    statuses: table(v.statuses),
    units: table(v.units),
    qualifiers: table(v.qualifiers),
    modes: table(v.modes),
    serviceKinds: table(v.serviceKinds),
    placeKinds: table(v.placeKinds),
  };
}
