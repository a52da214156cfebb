export function builtModule(name: string, at?: URL): string | undefined;
export function importCli(name: string): Promise<unknown>;
