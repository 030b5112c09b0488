// Assembles public/data/atlas.json from the validated data files: derives dates, arc endpoints,
// paths, lengths, crossings and the indexes the panels read.
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import {
  INTERNAL_LINK_KINDS,
  type AtlasData,
  type CaspianRoute,
  type Corridor,
  type Fact,
  type Link,
  type Vocabulary,
} from '../../src/core/atlas.ts';
import type { Bilingual, LonLat } from '../../src/core/geodata.ts';
import type { ProvinceRecord } from '../geodata/region-topology.ts';
import type { DatasetFiles } from './load.ts';
import { checkIntegrity } from './integrity.ts';
import { bboxOf, branchPath, corridorProvinces, lengthKm, SeaLanes, type Bbox } from './geometry.ts';
import { ValidationError } from './load.ts';

export interface AtlasInputs {
  files: DatasetFiles;
  provinceRecords: ProvinceRecord[];
  provinceShapes: Feature<Polygon | MultiPolygon, { id: string }>[];
  countryShapes: Feature<Polygon | MultiPolygon, { id: string }>[];
}

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
  const national = files.national;
  const nationalOrganisations = new Set(
    files.organisations.organisations.filter((o) => o.scope === 'national').map((o) => o.id),
  );
  /** Iran as a whole and its national bodies are one entity of their own, never a province (not Tehran, where IMIDRO sits). */
  const isNational = (subject: string) => subject === national.id || nationalOrganisations.has(subject);
  const seatOf = new Map(files.organisations.organisations.map((o) => [o.id, o.seat]));
  /** The province an arc from this origin starts in: itself or a provincial body's seat; null for national origins. */
  const homeProvince = (origin: string): string | null => (isNational(origin) ? null : (seatOf.get(origin) ?? origin));

  const facts: Fact[] = files.facts.facts.map((fact) => ({
    ...fact,
    notes: fact.notes ?? [],
    date: firstReportDate(fact.sources, reportDate),
    reportId: firstReport(fact.sources),
  }));
  const links: Link[] = files.links.links.map((link) => {
    const fromProvince = homeProvince(link.from);
    const internal = INTERNAL_LINK_KINDS.includes(link.kind);
    return {
      ...link,
      participants: link.participants ?? [],
      notes: link.notes ?? [],
      reportId: firstReport(link.sources),
      fromProvince,
      sourcePosition: fromProvince ? capitalOf.get(fromProvince)! : (national.anchor as LonLat),
      // A meeting among Iranians has no foreign end: it is drawn as a ring at its origin.
      targetPosition: internal ? null : (capitalOf.get(link.to) ?? null),
    };
  });

  const corridors: Corridor[] = files.corridors.corridors.map((corridor) => {
    const branches = corridor.branches.map((branch) => {
      const path = branchPath(branch.nodes, branch.mode, placeLonLat, sea);
      return { ...branch, path, lengthKm: lengthKm(path) };
    });
    return {
      ...corridor,
      membership: corridor.membership ?? 'members',
      branches,
      lengthKm: networkLengthKm(branches.map((b) => b.path)),
      // Sourced branches only, plus the current province of places the basemap's old boundaries misplace.
      provinces: corridorProvinces(branches, provinceShapes, (id) => placeById.get(id)?.province),
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
  const organisationsIn = (seat: string) =>
    files.organisations.organisations.filter((o) => o.seat === seat && !isNational(o.id)).map((o) => o.id);
  /** Facts about a place's own subject and the non-national bodies seated there. */
  const factIdsIn = (seat: string) =>
    facts
      .filter((f) => f.subject === seat || (seatOf.get(f.subject) === seat && !isNational(f.subject)))
      .map((f) => f.id);
  const shapeBbox = (shapes: Feature[], id: string): Bbox =>
    turf.bbox(shapes.find((s) => s.properties?.['id'] === id)!).map((x) => Math.round(x * 1e4) / 1e4) as Bbox;

  return {
    dataDate: files.sources.reports
      .map((r) => r.date ?? '')
      .sort()
      .at(-1)!,
    sectors: files.vocabulary.sectors,
    vocabulary: buildVocabulary(files),
    sources: files.sources,
    statusDefinitions: Object.fromEntries(files.vocabulary.statuses.map((s) => [s.id, s.definition])),
    national: {
      id: national.id,
      name: national.name,
      symbol: national.symbol,
      anchor: national.anchor as LonLat,
      note: national.note,
      factIds: facts.filter((f) => isNational(f.subject)).map((f) => f.id),
      linkIds: linkIdsOf((l) => isNational(l.from)),
      organisationIds: [...nationalOrganisations],
    },
    speakers: files.speakers.speakers,
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
      factIds: factIdsIn(p.id),
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

function firstReport(sources: Fact['sources']): string | null {
  for (const citation of sources) if ('report' in citation) return citation.report;
  return null;
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
      const key = [path[i - 1], path[i]]
        .map((p) => p!.join(','))
        .sort()
        .join('|');
      if (seen.has(key)) continue;
      seen.add(key);
      km += turf.distance(path[i - 1]!, path[i]!, { units: 'kilometers' });
    }
  }
  return Math.round(km);
}

function buildVocabulary(files: DatasetFiles): Vocabulary {
  const table = (list: { id: string; name: Bilingual }[]) =>
    Object.fromEntries(list.map((item) => [item.id, item.name]));
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
