export function depsAreStale(root: string): boolean;
export function ensureDepsSync(root: string, say?: (message: string) => void): boolean;
