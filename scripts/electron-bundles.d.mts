// Types for scripts/electron-bundles.mjs, which the tests import to build what the shell builds.
import type { BuildOptions, BuildResult, Metafile } from 'esbuild';

export const root: string;
export const preloadLimitBytes: number;
export const platformEntry: string;
export function mainOptions(out: string): BuildOptions & { metafile: true };
export function preloadOptions(out: string): BuildOptions & { metafile: true };
export function platformOptions(out: string): BuildOptions & { metafile: true };
export function reportWorkerOptions(out: string): BuildOptions & { metafile: true };
export function copyCoreMigrations(out: string): number;
export function buildPlatform(out: string): Promise<BuildResult<{ metafile: true }>>;
export function preloadProblems(metafile: Metafile): string[];
export function externalPackages(metafile: Metafile): string[];
