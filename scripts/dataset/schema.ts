// Schemas of the hand-written files under data/: what a record must look like before anything uses it.
import { z } from 'zod';

const text = z.string().trim().min(1);
export const bilingual = z
  .object({ fa: text.regex(/[\u0600-\u06FF]/, 'Persian text must be in Persian script'), en: text })
  .strict();
const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'ids use letters, digits and hyphens');

/** A citation: a report (file name and a short verbatim Persian excerpt) or a public reference. */
export const citation = z.union([
  z
    .object({
      report: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/, 'a report file name from shared/seeds'),
      excerpt: text
        .regex(/[\u0600-\u06FF]/, 'excerpts quote the Persian report')
        .refine((s) => s.split(/\s+/).length <= 32, 'an excerpt is at most about 30 words'),
      /** The source's own word order is scrambled here (an extraction fault); the card says so. */
      scrambled: z.literal(true).optional(),
    })
    .strict(),
  z.object({ ref: id }).strict(),
]);
const sources = z.array(citation).min(1, 'every record cites at least one source');

export const quantity = z
  .object({ value: z.number().finite().nonnegative(), unit: id, qualifier: id.optional() })
  .strict();

const named = z.object({ id, name: bilingual }).strict();

/** A dated note of later public knowledge (with its sources), or our own editorial remark. */
const note = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('later'),
      date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'expected YYYY-MM or YYYY-MM-DD'),
      text: bilingual,
      sources: z.array(citation).min(1, 'later knowledge cites a public source'),
    })
    .strict(),
  z.object({ kind: z.literal('editorial'), text: bilingual }).strict(),
]);
/** A speaker id from speakers.json, or `report` for the outlet's own narration. */
const saidBy = id;

export const vocabularyFile = z
  .object({
    $comment: z.string().optional(),
    sectors: z.array(named.extend({ colour: z.string().regex(/^#[0-9A-Fa-f]{6}$/) }).strict()).min(1),
    factKinds: z.array(named),
    linkKinds: z.array(named),
    statuses: z.array(named.extend({ definition: bilingual, verbs: z.array(text).min(1) }).strict()),
    units: z.array(named),
    qualifiers: z.array(named),
    modes: z.array(named),
    serviceKinds: z.array(named),
    placeKinds: z.array(named),
  })
  .strict();

export const sourcesFile = z
  .object({
    $comment: z.string().optional(),
    reports: z.array(
      z
        .object({
          id: z.string(),
          date: isoDate.nullable(),
          /** For an undated report: the year its content points to, the range it must lie in, and why. */
          dateInferred: z
            .object({ year: z.number().int(), from: isoDate, to: isoDate, basis: bilingual, refs: z.array(id).min(1) })
            .strict()
            .optional(),
          outlet: bilingual,
          title: bilingual,
          /** `headline`: the outlet's own headline (translated in en); `summary`: our summary where the headline is unknown. */
          titleKind: z.enum(['headline', 'summary']),
          url: z.url().optional(),
        })
        .strict()
        .refine((r) => r.date !== null || r.dateInferred !== undefined, 'an undated report needs dateInferred'),
    ),
    references: z.array(z.object({ id, title: text, url: z.url() }).strict()),
  })
  .strict();

export const organisationsFile = z
  .object({
    $comment: z.string().optional(),
    organisations: z.array(named.extend({ scope: z.enum(['national', 'provincial', 'foreign']), seat: id }).strict()),
  })
  .strict();

export const partnersFile = z
  .object({
    $comment: z.string().optional(),
    partners: z.array(
      named
        .extend({
          id: z.string().regex(/^[A-Z]{3}$/, 'ISO 3166-1 alpha-3'),
          region: z.enum(['central-asia', 'caucasus', 'caspian', 'neighbour']),
          caspian: z.boolean(),
          capital: z.object({ name: bilingual, lonLat }).strict(),
        })
        .strict(),
    ),
    groups: z.array(named.extend({ id: z.string().regex(/^G-[A-Z]+$/), note: bilingual }).strict()),
  })
  .strict();

export const factsFile = z
  .object({
    $comment: z.string().optional(),
    facts: z.array(
      z
        .object({
          id,
          subject: id,
          kind: id,
          sectors: z.array(id).min(1, 'every fact has at least one sector'),
          text: bilingual,
          quantities: z.array(quantity),
          saidBy,
          notes: z.array(note).optional(),
          sources,
        })
        .strict(),
    ),
  })
  .strict();

export const nationalFile = z
  .object({
    $comment: z.string().optional(),
    id: z.literal('IRN'),
    name: bilingual,
    /** The short label drawn beside its map symbol. */
    symbol: bilingual,
    anchor: lonLat,
    note: bilingual,
  })
  .strict();

export const speakersFile = z
  .object({
    $comment: z.string().optional(),
    speakers: z.array(
      z
        .object({
          id,
          name: bilingual,
          /** Role at the time of the report. */
          role: bilingual,
          /** The phrase after "according to" / «به گفتهٔ». */
          according: bilingual,
          /** The province, partner or organisation the speaker spoke for. */
          organisation: id,
          /** No longer in that role: the public sources that show it. */
          then: z
            .object({ refs: z.array(id).min(1) })
            .strict()
            .optional(),
        })
        .strict(),
    ),
  })
  .strict();

export const claimsFile = z
  .object({
    $comment: z.string().optional(),
    claims: z.array(
      z
        .object({
          id: z.string().regex(/^\d{3}-\d{2}$/, 'report number and claim number, e.g. 001-02'),
          claim: text,
          persian: text,
          records: z.array(z.string().regex(/^[fl]:[a-z0-9-]+$/, 'f:<fact id> or l:<link id>')).optional(),
          notMapped: bilingual.optional(),
        })
        .strict()
        .refine(
          (c) => (c.records?.length ?? 0) > 0 || c.notMapped !== undefined,
          'a claim maps to records or says why it is not mapped',
        ),
    ),
  })
  .strict();

const topic = z.object({ text: bilingual, sectors: z.array(id).min(1) }).strict();

export const linksFile = z
  .object({
    $comment: z.string().optional(),
    links: z.array(
      z
        .object({
          id,
          from: id,
          to: id,
          kind: id,
          status: id,
          date: isoDate.nullable(),
          dateEnd: isoDate.optional(),
          due: isoDate.optional(),
          flow: z.enum(['outbound', 'inbound', 'both']),
          sectors: z.array(id).min(1, 'every link has at least one sector'),
          text: bilingual,
          quantities: z.array(quantity),
          topics: z.array(topic),
          people: z.array(id),
          participants: z.array(id).optional(),
          saidBy,
          notes: z.array(note).optional(),
          sources,
        })
        .strict(),
    ),
  })
  .strict();

export const placesFile = z
  .object({
    $comment: z.string().optional(),
    places: z.array(
      named
        .extend({
          kind: id,
          country: z
            .string()
            .regex(/^[A-Z]{3}$/)
            .optional(),
          province: z
            .string()
            .regex(/^IR-\d{2}$/)
            .optional(),
          lonLat,
          precision: z.enum(['gn', 'gn*', 'sp', 'wp', 'est', 'est-rough']),
        })
        .strict(),
    ),
  })
  .strict();

const fact = z.object({ text: bilingual, sources }).strict();

export const corridorsFile = z
  .object({
    $comment: z.string().optional(),
    identification: z.object({ text: bilingual, sources }).strict(),
    corridors: z.array(
      named
        .extend({
          shortName: bilingual,
          colour: z.string().regex(/^#[0-9A-Fa-f]{6}$/),
          modes: z.array(id).min(1),
          founding: z
            .object({
              year: z.number().int().nullable(),
              date: isoDate.optional(),
              place: bilingual.optional(),
              agreement: bilingual,
            })
            .strict(),
          members: z.array(z.string().regex(/^[A-Z]{3}$/)).min(2),
          /** 'members' (default): parties to an agreement; 'route': countries the route crosses, where there is no treaty. */
          membership: z.enum(['members', 'route']).optional(),
          facts: z.array(fact),
          branches: z
            .array(
              named
                .extend({
                  mode: id,
                  nodes: z.array(id).min(2, 'a branch joins at least two places'),
                  /** True where no cited source draws this branch: our assumption, drawn dashed and left out of the corridor's provinces. */
                  drawnByProject: z.boolean().optional(),
                })
                .strict(),
            )
            .min(1),
          sources: z.array(id).min(1),
        })
        .strict(),
    ),
  })
  .strict();

const service = z
  .object({
    kind: id,
    text: bilingual,
    sources,
    since: isoDate.optional(),
    /** The date of the source the service is known from: nothing says it still runs later. */
    asOf: isoDate.optional(),
    frequency: quantity.optional(),
    publishedKm: z.number().positive().optional(),
  })
  .strict();

export const caspianFile = z
  .object({
    $comment: z.string().optional(),
    seaNodes: z.array(z.object({ id, lonLat }).strict()).min(2),
    seaEdges: z.array(z.tuple([id, id])),
    ports: z.array(z.object({ place: id, access: lonLat, joins: id, river: z.boolean().optional() }).strict()),
    routes: z.array(z.object({ id: z.string(), ports: z.tuple([id, id]), services: z.array(service).min(1) }).strict()),
  })
  .strict();

export type VocabularyFile = z.infer<typeof vocabularyFile>;
export type SourcesFile = z.infer<typeof sourcesFile>;
export type OrganisationsFile = z.infer<typeof organisationsFile>;
export type PartnersFile = z.infer<typeof partnersFile>;
export type FactsFile = z.infer<typeof factsFile>;
export type LinksFile = z.infer<typeof linksFile>;
export type PlacesFile = z.infer<typeof placesFile>;
export type CorridorsFile = z.infer<typeof corridorsFile>;
export type CaspianFile = z.infer<typeof caspianFile>;
export type SpeakersFile = z.infer<typeof speakersFile>;
export type NationalFile = z.infer<typeof nationalFile>;
export type ClaimsFile = z.infer<typeof claimsFile>;
export type Citation = z.infer<typeof citation>;
export type Quantity = z.infer<typeof quantity>;
