/** What an operation throws when it cannot apply; `applyScenario` adds the scenario and the index. */
export class OpFailure extends Error {
  constructor(
    readonly expected: string,
    readonly found: string,
  ) {
    super(`expected ${expected}, found ${found}`);
    this.name = 'OpFailure';
  }
}

export class ScenarioError extends Error {
  constructor(
    readonly scenario: string,
    readonly index: number,
    readonly op: string,
    readonly expected: string,
    readonly found: string,
  ) {
    super(`scenario "${scenario}", operation ${index} (${op}): expected ${expected}, found ${found}`);
    this.name = 'ScenarioError';
  }
}
