/**
 * The Chokepoint graph file, version 1 (shared/spec/graph-format.md), as zod
 * schemas. Every type of the model is inferred from here.
 *
 * Attribute objects are loose: fields the spec does not name (extra CSV
 * columns, x/y positions, another tool's data) are kept, so that a file
 * survives a load and a save unchanged.
 */
import { z } from 'zod';

export const NODE_KINDS = ['demand', 'supplier', 'foundry', 'wafer', 'chemical', 'equipment', 'other'] as const;
export const NodeKindSchema = z.enum(NODE_KINDS);
export type NodeKind = z.infer<typeof NodeKindSchema>;

export const KeySchema = z.string().min(1).max(128);
/** graphology keeps a node's neighbours in plain objects keyed by node key, where "__proto__" cannot live. */
export const NodeKeySchema = KeySchema.refine((k) => k !== '__proto__', { message: 'a node key other than "__proto__" (reserved)' });
export const CountryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, { message: 'an ISO 3166-1 alpha-2 code in upper case, such as "TW"' });
export const CurrencyCodeSchema = z
  .string()
  .regex(/^[A-Z]{3}$/, { message: 'an ISO 4217 currency code in upper case, such as "USD"' });
export const InputSlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'a lower-case slug such as "logic-fab"' });
export const AsOfSchema = z
  .string()
  .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, {
    message: 'a date as YYYY, YYYY-MM or YYYY-MM-DD',
  });
/** A flow value or amount: JSON has no NaN or Infinity, but 1e999 parses to Infinity. */
export const ValueSchema = z.number().finite().nonnegative();
export const SourceIdsSchema = z.array(z.string().min(1));
/** Units of another currency per one unit of the graph's currency. */
export const FxSchema = z.record(CurrencyCodeSchema, z.number().finite().positive());

export const SourceSchema = z.looseObject({
  id: z.string().min(1),
  title: z.string().min(1),
  publisher: z.string().optional(),
  date: z.string().optional(),
  url: z.string().optional(),
  note: z.string().optional(),
});
export type Source = z.infer<typeof SourceSchema>;

export const CountryInfoSchema = z.looseObject({ name: z.string().min(1) });

export const NodeAttributesSchema = z.looseObject({
  label: z.string().min(1),
  kind: NodeKindSchema,
  country: CountryCodeSchema,
  company: z.string().min(1).optional(),
  sources: SourceIdsSchema.optional(),
  note: z.string().optional(),
});
export type NodeAttributes = z.infer<typeof NodeAttributesSchema>;

/** How a flow's value is known (robustness.md §1). */
export const BASES = ['reported', 'derived', 'assumption'] as const;
export const BasisSchema = z.enum(BASES);
export type Basis = z.infer<typeof BasisSchema>;
/**
 * `[low, high]`, the span a value plausibly lies in (robustness.md §1). That it
 * holds its value (low <= value <= high) is checked where the value is known
 * (src/io/validate-ranges.ts), so every problem is listed with its path.
 */
export const RangeSchema = z
  .tuple([ValueSchema, ValueSchema])
  .refine(([low, high]) => low <= high, { message: 'a range [low, high] with low <= high' });
export type Range = z.infer<typeof RangeSchema>;

export const EdgeAttributesSchema = z.looseObject({
  input: InputSlugSchema,
  value: ValueSchema,
  basis: BasisSchema.optional(),
  range: RangeSchema.optional(),
  sources: SourceIdsSchema.optional(),
  note: z.string().optional(),
});
export type EdgeAttributes = z.infer<typeof EdgeAttributesSchema>;

// ---------------------------------------------------------------- scenarios

const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1)]);

export const SelectorSchema = z.strictObject({
  key: oneOrMany(KeySchema).optional(),
  kind: oneOrMany(NodeKindSchema).optional(),
  country: oneOrMany(CountryCodeSchema).optional(),
  company: oneOrMany(z.string().min(1)).optional(),
});
export type Selector = z.infer<typeof SelectorSchema>;

export const WhereSchema = z.strictObject({
  source: SelectorSchema.optional(),
  target: SelectorSchema.optional(),
  input: oneOrMany(InputSlugSchema).optional(),
});
export type Where = z.infer<typeof WhereSchema>;

export const AmountSchema = z.strictObject({ value: ValueSchema, currency: CurrencyCodeSchema });
export type Amount = z.infer<typeof AmountSchema>;

const flowRef = { source: KeySchema, target: KeySchema, input: InputSlugSchema };
const valueOrAmount = { value: ValueSchema.optional(), amount: AmountSchema.optional() };
const needsValueOrAmount = (op: { value?: number | undefined; amount?: Amount | undefined }) =>
  (op.value === undefined) !== (op.amount === undefined);
const VALUE_OR_AMOUNT = { message: 'exactly one of "value" or "amount"' };

export const AddNodeOpSchema = z.strictObject({ op: z.literal('addNode'), key: NodeKeySchema, attributes: NodeAttributesSchema });
export const RemoveNodeOpSchema = z.strictObject({ op: z.literal('removeNode'), key: KeySchema });
export const SetNodeOpSchema = z.strictObject({
  op: z.literal('setNode'),
  key: KeySchema,
  attributes: NodeAttributesSchema.partial(),
});
/** An addFlow or setFlow may say how far its value or amount is known, in its units (robustness.md §1). */
const opRange = { range: RangeSchema.optional() };
export const AddFlowOpSchema = z
  .strictObject({ op: z.literal('addFlow'), ...flowRef, ...valueOrAmount, ...opRange })
  .refine(needsValueOrAmount, VALUE_OR_AMOUNT);
export const SetFlowOpSchema = z
  .strictObject({ op: z.literal('setFlow'), ...flowRef, ...valueOrAmount, ...opRange })
  .refine(needsValueOrAmount, VALUE_OR_AMOUNT);
export const RemoveFlowOpSchema = z.strictObject({ op: z.literal('removeFlow'), ...flowRef });
export const ScaleFlowsOpSchema = z.strictObject({
  op: z.literal('scaleFlows'),
  where: WhereSchema,
  factor: ValueSchema,
});
export const ShiftFlowsOpSchema = z.strictObject({
  op: z.literal('shiftFlows'),
  target: KeySchema,
  input: InputSlugSchema,
  from: SelectorSchema,
  to: SelectorSchema,
  fraction: z.number().min(0).max(1),
});

export const OperationSchema = z.discriminatedUnion('op', [
  AddNodeOpSchema,
  RemoveNodeOpSchema,
  SetNodeOpSchema,
  AddFlowOpSchema,
  SetFlowOpSchema,
  RemoveFlowOpSchema,
  ScaleFlowsOpSchema,
  ShiftFlowsOpSchema,
]);
export type Operation = z.infer<typeof OperationSchema>;
export type OperationName = Operation['op'];
export const OPERATION_NAMES = OperationSchema.options.map((o) => o.shape.op.value) as OperationName[];

export const ScenarioSchema = z.looseObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'an id of letters, digits, ".", "_" and "-"' }),
  label: z.string().min(1),
  description: z.string().optional(),
  sources: SourceIdsSchema.optional(),
  fx: FxSchema.optional(),
  ops: z.array(OperationSchema),
});
export type Scenario = z.infer<typeof ScenarioSchema>;

// ---------------------------------------------------------------- shocks

/** One hit of a shock (metrics.md §8): every node `where` matches keeps `capacity` of its output. */
export const ShockHitSchema = z.strictObject({
  where: SelectorSchema,
  capacity: z.number().min(0).max(1),
});
export type ShockHit = z.infer<typeof ShockHitSchema>;

/** A disruption of the supply that exists, with no rerouting (metrics.md §8); a node several hits match takes the smallest capacity. */
export const ShockSchema = z.looseObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'an id of letters, digits, ".", "_" and "-"' }),
  label: z.string().min(1),
  description: z.string().optional(),
  sources: SourceIdsSchema.optional(),
  hits: z.array(ShockHitSchema).min(1),
});
export type Shock = z.infer<typeof ShockSchema>;

// ---------------------------------------------------------------- the document

/**
 * Chokepoint's own addition (docs/format.md): which demand nodes and which
 * reliance figures (`TW`, `foundry:TW`) a report puts in its headline.
 */
export const FocusSchema = z.strictObject({
  demand: z.array(KeySchema).optional(),
  reliance: z.array(z.string().regex(/^(?:[a-z]+:)?[A-Z]{2}$/, { message: 'a country "TW" or a kind:country "foundry:TW"' })).optional(),
});
export type Focus = z.infer<typeof FocusSchema>;

/** Relative half-widths by basis for flows without a range (robustness.md §1). */
export const UncertaintySchema = z.partialRecord(BasisSchema, z.number().finite().nonnegative());
export type Uncertainty = z.infer<typeof UncertaintySchema>;
/**
 * A flow from a node to itself, as other tools' files have them (Gephi's
 * samples): kept out of the graph and every metric, written back as an edge
 * to GEXF, GraphML and CSV (docs/formats.md).
 */
export const SelfLoopSchema = z.looseObject({
  key: KeySchema.optional(),
  node: KeySchema,
  attributes: z.record(z.string(), z.unknown()),
});
export type SelfLoop = z.infer<typeof SelfLoopSchema>;

export const GraphAttributesSchema = z.looseObject({
  format: z.literal('chokepoint-graph'),
  version: z.literal(1),
  title: z.string().min(1),
  description: z.string().optional(),
  asOf: AsOfSchema.optional(),
  currency: CurrencyCodeSchema.default('USD'),
  fx: FxSchema.optional(),
  sources: z.array(SourceSchema).optional(),
  countries: z.record(CountryCodeSchema, CountryInfoSchema).optional(),
  scenarios: z.array(ScenarioSchema).optional(),
  shocks: z.array(ShockSchema).optional(),
  focus: FocusSchema.optional(),
  uncertainty: UncertaintySchema.optional(),
  /** Other readings of the facts, shaped like scenarios; each applies before every scenario (robustness.md §1). */
  variants: z.array(ScenarioSchema).optional(),
  selfLoops: z.array(SelfLoopSchema).optional(),
});
export type GraphAttributes = z.infer<typeof GraphAttributesSchema>;

export const GraphOptionsSchema = z.looseObject({
  type: z.literal('directed').optional(),
  multi: z.boolean().optional(),
  allowSelfLoops: z.boolean().optional(),
});

export const NodeRecordSchema = z.strictObject({ key: NodeKeySchema, attributes: NodeAttributesSchema });
export type NodeRecord = z.infer<typeof NodeRecordSchema>;

export const EdgeRecordSchema = z.strictObject({
  key: KeySchema.optional(),
  source: KeySchema,
  target: KeySchema,
  attributes: EdgeAttributesSchema,
});
export type EdgeRecord = z.infer<typeof EdgeRecordSchema>;

export const GraphDocumentSchema = z
  .looseObject({
    attributes: GraphAttributesSchema,
    options: GraphOptionsSchema.optional(),
    nodes: z.array(NodeRecordSchema),
    edges: z.array(EdgeRecordSchema),
  })
  .meta({
    title: 'Chokepoint graph file, version 1',
    description: 'A supply graph, its sources and its scenarios (graphology serialization with a typed attribute schema).',
  });
/** A document as validated: defaults filled in. */
export type GraphDocument = z.infer<typeof GraphDocumentSchema>;
/** A document as written: defaults optional. */
export type GraphDocumentInput = z.input<typeof GraphDocumentSchema>;

/** A scenarios file: the `scenarios` array alone. */
export const ScenariosFileSchema = z.array(ScenarioSchema);
