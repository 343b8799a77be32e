import type { UserProjectConfigExport, UserWorkspaceConfig } from 'vitest/config';
export declare const baseConfig: UserWorkspaceConfig;
export declare function tsunagiProject(overrides?: UserProjectConfigExport): UserWorkspaceConfig;
