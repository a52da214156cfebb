import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { EXPORT_FORMATS, type ExportFormat, exportFormatOf, writeGraph } from '../../io/write.ts';
import { baseNameOf } from '../../io/formats/detect.ts';
import { scenariosOf } from '../../scenarios/apply.ts';
import { type CliIO, InvalidInput, UsageError } from '../io.ts';
import { displayPath, readGraph } from '../read-graph.ts';
import type { Command } from './command.ts';
import { makeOutputFolder, writeTo } from './output.ts';

const TO_NAMES: Record<string, ExportFormat> = { json: 'native', native: 'native', gexf: 'gexf', graphml: 'graphml', csv: 'csv', zip: 'zip' };

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function write(io: CliIO, path: string, data: string | Uint8Array, force: boolean): Promise<void> {
  if (!force && (await exists(path))) {
    io.stderr(`${displayPath(path)}: expected a path that does not exist yet (add --force to overwrite), found an existing file\n`);
    throw new InvalidInput(`not overwriting ${displayPath(path)}`);
  }
  await writeTo(io, path, data, displayPath(path));
}

export const CONVERT: Command = {
  name: 'convert',
  readsGraph: true,
  summary: 'read a graph in any format and write it in another (JSON, GEXF, GraphML, CSV)',
  usage: 'chokepoint convert IN OUT [--to json|gexf|graphml|csv|zip] [--without-graph-file] [--force]',
  help: `Reads IN (a Chokepoint .json, .gexf, .graphml, or a folder or .zip of
nodes.csv + flows.csv) and writes OUT. The format comes from OUT's extension
(.json, .gexf, .graphml, .zip) or --to; an OUT without an extension, or
--to csv, is a folder that gets nodes.csv, flows.csv and graph.json.
Every format carries everything: GEXF and GraphML keep the title, sources,
scenarios and attribute types in a "chokepoint" block, CSV in graph.json.
--without-graph-file leaves graph.json out of a CSV export and says what is lost.
An existing OUT is not overwritten unless --force is given.

Exit status: 0 when written, 1 on invalid input, 2 on wrong usage.`,
  options: {
    to: { type: 'string' },
    'without-graph-file': { type: 'boolean' },
    force: { type: 'boolean' },
  },
  async run(io: CliIO, positionals, values) {
    if (positionals.length !== 2) throw new UsageError(`convert needs IN and OUT, found ${positionals.length} argument${positionals.length === 1 ? '' : 's'}`);
    const [input, out] = positionals as [string, string];
    let format: ExportFormat | undefined;
    if (typeof values.to === 'string') {
      format = TO_NAMES[values.to.toLowerCase()];
      if (!format) throw new UsageError(`--to: expected one of ${Object.keys(TO_NAMES).join(', ')}, found "${values.to}"`);
    } else {
      format = exportFormatOf(out);
      if (!format) throw new UsageError(`cannot tell the format of "${out}" from its extension: use .json, .gexf, .graphml or .zip, a folder name for CSV, or --to (${EXPORT_FORMATS.join(', ')})`);
    }
    const graph = await readGraph(io, input);
    const force = values.force === true;
    const exported = writeGraph(graph, format, { baseName: baseNameOf(out), withoutGraphFile: values['without-graph-file'] === true });
    if (format === 'csv') {
      await makeOutputFolder(io, out, displayPath(out));
      for (const file of exported.files) await write(io, join(out, file.name), file.data, force);
    } else {
      await write(io, out, exported.files[0]!.data, force);
    }
    const s = scenariosOf(graph).length;
    io.stderr(`${displayPath(out)}: wrote ${graph.order} nodes, ${graph.size} flows, ${s} scenario${s === 1 ? '' : 's'} as ${format === 'native' ? 'Chokepoint JSON' : format.toUpperCase()}\n`);
    for (const lost of exported.lost) io.stderr(`note: not carried: ${lost}\n`);
    return 0;
  },
};
