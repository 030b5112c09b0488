// Referential integrity: every id a record points at exists, ids are unique, dates are plausible.
import type { ProvinceRecord } from '../geodata/region-topology.ts';
import type { Citation } from './schema.ts';
import type { DatasetFiles } from './load.ts';

export function checkIntegrity(files: DatasetFiles, provinces: ProvinceRecord[]): string[] {
  const problems: string[] = [];
  const { vocabulary, sources, organisations, partners, facts, links, places, corridors, caspian, speakers, claims } =
    files;
  const ids = <T extends { id: string }>(items: T[]) => new Set(items.map((item) => item.id));
  const provinceIds = new Set(provinces.map((p) => p.id));
  const partnerIds = ids(partners.partners);
  const groupIds = ids(partners.groups);
  const organisationIds = ids(organisations.organisations);
  const placeById = new Map(places.places.map((p) => [p.id, p]));
  const reportById = new Map(sources.reports.map((r) => [r.id, r]));
  const referenceIds = ids(sources.references);
  const reportIds = new Set(reportById.keys());
  const placeIds = new Set(placeById.keys());
  const speakerIds = ids(speakers.speakers);
  const saidByIds = new Set([...speakerIds, 'report']);
  const vocab = {
    sector: ids(vocabulary.sectors),
    factKind: ids(vocabulary.factKinds),
    linkKind: ids(vocabulary.linkKinds),
    status: ids(vocabulary.statuses),
    unit: ids(vocabulary.units),
    qualifier: ids(vocabulary.qualifiers),
    mode: ids(vocabulary.modes),
    serviceKind: ids(vocabulary.serviceKinds),
    placeKind: ids(vocabulary.placeKinds),
  };

  const at = (file: string, record: string, field: string, message: string) =>
    problems.push(`data/${file}: ${record}.${field}: ${message}`);
  const need = (set: Set<string>, value: string, file: string, record: string, field: string, what: string) => {
    if (!set.has(value)) at(file, record, field, `unknown ${what} "${value}"`);
  };
  const unique = (file: string, list: { id: string }[]) => {
    const seen = new Set<string>();
    for (const { id } of list) {
      if (seen.has(id)) at(file, id, 'id', 'duplicate id');
      seen.add(id);
    }
  };
  const citations = (file: string, record: string, list: Citation[]) =>
    list.forEach((c, i) =>
      'report' in c
        ? need(reportIds, c.report, file, record, `sources.${i}.report`, 'report')
        : need(referenceIds, c.ref, file, record, `sources.${i}.ref`, 'reference'),
    );
  const quantities = (file: string, record: string, list: { unit: string; qualifier?: string | undefined }[]) =>
    list.forEach((q, i) => {
      need(vocab.unit, q.unit, file, record, `quantities.${i}.unit`, 'unit');
      if (q.qualifier) need(vocab.qualifier, q.qualifier, file, record, `quantities.${i}.qualifier`, 'qualifier');
    });
  const notes = (file: string, record: string, list: { kind: string; sources?: Citation[] }[] | undefined) =>
    (list ?? []).forEach((n, i) => citations(file, `${record}.notes.${i}`, n.sources ?? []));
  const notAfterReport = (file: string, record: string, date: string | null | undefined, list: Citation[]) => {
    for (const c of list) {
      const reportDate = 'report' in c ? reportById.get(c.report)?.date : null;
      if (date && reportDate && date > reportDate)
        at(file, record, 'date', `${date} is after its report's date ${reportDate}`);
    }
  };

  unique('vocabulary.json', vocabulary.sectors);
  unique('sources.json', [...sources.reports, ...sources.references]);
  unique('organisations.json', organisations.organisations);
  unique('partners.json', [...partners.partners, ...partners.groups]);
  unique('facts.json', facts.facts);
  unique('links.json', links.links);
  unique('places.json', places.places);
  unique('corridors.json', corridors.corridors);
  unique('caspian.json', caspian.routes);
  unique('speakers.json', speakers.speakers);
  unique('claims.json', claims.claims);

  const subjects = new Set([...provinceIds, ...partnerIds, ...organisationIds, 'IRN']);
  for (const fact of facts.facts) {
    need(subjects, fact.subject, 'facts.json', fact.id, 'subject', 'subject');
    need(vocab.factKind, fact.kind, 'facts.json', fact.id, 'kind', 'fact kind');
    fact.sectors.forEach((s, i) => need(vocab.sector, s, 'facts.json', fact.id, `sectors.${i}`, 'sector'));
    quantities('facts.json', fact.id, fact.quantities);
    citations('facts.json', fact.id, fact.sources);
    need(saidByIds, fact.saidBy, 'facts.json', fact.id, 'saidBy', 'speaker');
    notes('facts.json', fact.id, fact.notes);
  }

  const origins = new Set([...provinceIds, ...organisationIds, 'IRN']);
  const targets = new Set([...partnerIds, ...groupIds]);
  for (const link of links.links) {
    need(origins, link.from, 'links.json', link.id, 'from', 'province, organisation or IRN');
    need(targets, link.to, 'links.json', link.id, 'to', 'partner or group');
    need(vocab.linkKind, link.kind, 'links.json', link.id, 'kind', 'link kind');
    need(vocab.status, link.status, 'links.json', link.id, 'status', 'status');
    link.sectors.forEach((s, i) => need(vocab.sector, s, 'links.json', link.id, `sectors.${i}`, 'sector'));
    link.topics.forEach((t, i) =>
      t.sectors.forEach((s, j) => need(vocab.sector, s, 'links.json', link.id, `topics.${i}.sectors.${j}`, 'sector')),
    );
    (link.participants ?? []).forEach((p, i) =>
      need(origins, p, 'links.json', link.id, `participants.${i}`, 'participant'),
    );
    quantities('links.json', link.id, link.quantities);
    citations('links.json', link.id, link.sources);
    need(saidByIds, link.saidBy, 'links.json', link.id, 'saidBy', 'speaker');
    link.people.forEach((p, i) => need(speakerIds, p, 'links.json', link.id, `people.${i}`, 'speaker'));
    notes('links.json', link.id, link.notes);
    notAfterReport('links.json', link.id, link.date, link.sources);
    if (link.dateEnd && link.date && link.dateEnd < link.date)
      at('links.json', link.id, 'dateEnd', 'ends before it starts');
  }

  for (const organisation of organisations.organisations) {
    need(
      new Set([...provinceIds, ...partnerIds]),
      organisation.seat,
      'organisations.json',
      organisation.id,
      'seat',
      'province or partner',
    );
  }

  for (const speaker of speakers.speakers) {
    need(
      new Set([...provinceIds, ...partnerIds, ...organisationIds]),
      speaker.organisation,
      'speakers.json',
      speaker.id,
      'organisation',
      'province, partner or organisation',
    );
    speaker.then?.refs.forEach((r, i) =>
      need(referenceIds, r, 'speakers.json', speaker.id, `then.refs.${i}`, 'reference'),
    );
  }
  for (const report of sources.reports)
    report.dateInferred?.refs.forEach((r, i) =>
      need(referenceIds, r, 'sources.json', report.id, `dateInferred.refs.${i}`, 'reference'),
    );
  const recordIds = new Set([...facts.facts.map((f) => `f:${f.id}`), ...links.links.map((l) => `l:${l.id}`)]);
  for (const claim of claims.claims)
    (claim.records ?? []).forEach((r, i) => need(recordIds, r, 'claims.json', claim.id, `records.${i}`, 'record'));

  for (const place of places.places) {
    need(vocab.placeKind, place.kind, 'places.json', place.id, 'kind', 'place kind');
    if (place.country === 'IRN' && !place.province)
      at('places.json', place.id, 'province', 'an Iranian place names its province');
    if (place.province) need(provinceIds, place.province, 'places.json', place.id, 'province', 'province');
    if (place.kind !== 'waypoint' && !place.country)
      at('places.json', place.id, 'country', 'a place on land names its country');
  }

  for (const corridor of corridors.corridors) {
    corridor.modes.forEach((m, i) => need(vocab.mode, m, 'corridors.json', corridor.id, `modes.${i}`, 'mode'));
    corridor.sources.forEach((r, i) =>
      need(referenceIds, r, 'corridors.json', corridor.id, `sources.${i}`, 'reference'),
    );
    corridor.facts.forEach((f, i) => citations('corridors.json', `${corridor.id}.facts.${i}`, f.sources));
    for (const branch of corridor.branches) {
      need(vocab.mode, branch.mode, 'corridors.json', `${corridor.id}.${branch.id}`, 'mode', 'mode');
      branch.nodes.forEach((n, i) =>
        need(placeIds, n, 'corridors.json', `${corridor.id}.${branch.id}`, `nodes.${i}`, 'place'),
      );
    }
  }
  citations('corridors.json', 'identification', corridors.identification.sources);

  const seaNodeIds = ids(caspian.seaNodes);
  const portIds = new Set(caspian.ports.map((p) => p.place));
  caspian.seaEdges.forEach(([a, b], i) => {
    need(seaNodeIds, a, 'caspian.json', `seaEdges.${i}`, '0', 'sea node');
    need(seaNodeIds, b, 'caspian.json', `seaEdges.${i}`, '1', 'sea node');
  });
  for (const port of caspian.ports) {
    need(seaNodeIds, port.joins, 'caspian.json', port.place, 'joins', 'sea node');
    if (placeById.get(port.place)?.kind !== 'port')
      at('caspian.json', port.place, 'place', 'not a port in places.json');
  }
  for (const route of caspian.routes) {
    route.ports.forEach((p, i) => need(portIds, p, 'caspian.json', route.id, `ports.${i}`, 'Caspian port'));
    route.services.forEach((s, i) => {
      need(vocab.serviceKind, s.kind, 'caspian.json', route.id, `services.${i}.kind`, 'service kind');
      citations('caspian.json', `${route.id}.services.${i}`, s.sources);
      if (s.frequency) quantities('caspian.json', route.id, [s.frequency]);
    });
  }
  return problems;
}
