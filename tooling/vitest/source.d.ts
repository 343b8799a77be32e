export declare const SOURCE_CONDITIONS: readonly string[];
export declare function sourceLoader(root: string): Promise<{
  load(path: string): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}>;
