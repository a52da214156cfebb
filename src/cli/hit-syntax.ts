/**
 * `--hit SELECTOR[=CAPACITY]`: a shock's hit on the command line.
 *   --hit kind=foundry,country=TW=0.5   foundries in Taiwan at half output
 *   --hit key=tsmc-tw=0                 one node stops
 *   --hit country=TW                    every node in Taiwan stops (capacity 0)
 *   --hit country=TW,country=KR=50%     Taiwan or Korea at half (a field given twice: either value)
 * Fields are key, kind, country and company, ANDed as in a file's Selector;
 * the capacity, after the last field's value, is a number from 0 to 1 or a
 * percentage. Keys holding "," or "=" cannot be written here (use a file's shock).
 */
import { NODE_KINDS, SelectorSchema, type Selector, type ShockHit } from '../model/schema.ts';
import { UsageError } from './io.ts';

const FIELDS = ['key', 'kind', 'country', 'company'] as const;
type Field = (typeof FIELDS)[number];

export interface ParsedHit {
  hit: ShockHit;
  /** The text as given, for messages. */
  text: string;
  /** True when no capacity was written (so it is 0). */
  defaulted: boolean;
}

function capacityOf(raw: string, text: string): number {
  const pct = raw.endsWith('%');
  const x = Number(pct ? raw.slice(0, -1) : raw);
  const k = pct ? x / 100 : x;
  if (raw.trim() === '' || !Number.isFinite(k) || k < 0 || k > 1) {
    throw new UsageError(`--hit ${text}: expected a capacity from 0 to 1 (or 0% to 100%) after the last "=", found "${raw}"`);
  }
  return k;
}

export function parseHit(text: string): ParsedHit {
  const parts = text.split(',');
  const fields = new Map<Field, string[]>();
  let capacity: number | undefined;
  parts.forEach((part, i) => {
    const bits = part.split('=');
    const last = i === parts.length - 1;
    if (bits.length < 2 || bits.length > (last ? 3 : 2) || bits[1] === '') {
      throw new UsageError(`--hit ${text}: expected FIELD=VALUE[,FIELD=VALUE…][=CAPACITY] such as kind=foundry,country=TW=0.5, found "${part}"`);
    }
    const field = bits[0]!.trim();
    if (!(FIELDS as readonly string[]).includes(field)) throw new UsageError(`--hit ${text}: expected a field ${FIELDS.join(', ')}, found "${field}"`);
    const list = fields.get(field as Field) ?? [];
    list.push(bits[1]!);
    fields.set(field as Field, list);
    if (bits.length === 3) capacity = capacityOf(bits[2]!, text);
  });
  const where = Object.fromEntries([...fields].map(([f, values]) => [f, values.length === 1 ? values[0]! : values]));
  for (const kind of fields.get('kind') ?? []) {
    if (!(NODE_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--hit ${text}: expected a kind ${NODE_KINDS.join(', ')}, found "${kind}"`);
  }
  for (const country of fields.get('country') ?? []) {
    if (!/^[A-Z]{2}$/.test(country)) throw new UsageError(`--hit ${text}: expected a country as an ISO code in upper case such as TW, found "${country}"`);
  }
  const parsed = SelectorSchema.safeParse(where);
  if (!parsed.success) throw new UsageError(`--hit ${text}: expected a selector, found ${parsed.error.issues[0]!.message}`);
  return { hit: { where: parsed.data as Selector, capacity: capacity ?? 0 }, text, defaulted: capacity === undefined };
}
