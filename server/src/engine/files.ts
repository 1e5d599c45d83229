/**
 * The distributed Map's view of storage: ItemReader reads and ResultWriter writes through this
 * port instead of S3, so the engine itself never touches the file system. `location` is what the
 * definition names (Bucket and Key joined as `bucket/key`, or a local path when Bucket is empty);
 * the CLI resolves it against the workflow's folder.
 */
export interface FileStore {
  read(location: FileLocation): Promise<string> | string;
  write(location: FileLocation, content: string): Promise<void> | void;
}

export interface FileLocation {
  readonly bucket: string;
  readonly key: string;
}
