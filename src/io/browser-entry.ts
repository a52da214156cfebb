/** The import pipeline and the writers as one module, for bundling into a Web Worker (and the test that does). */
export { addScenarios, capProblems, detectFormat, guessMapping, inspectFiles, loadFiles, parseMapping } from './load.ts';
export { writeGraph } from './write.ts';
