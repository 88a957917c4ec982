export interface ImageReference {
  /** e.g. 'docker.io', 'ghcr.io', 'localhost:5000' */
  registry: string;
  /** e.g. 'library/nginx', 'team/app' */
  repository: string;
  tag: string | null;
  /** 'sha256:<64 hex digits>' */
  digest: string | null;
}

export class InvalidReferenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidReferenceError';
  }
}

export function parseImageReference(ref: string): ImageReference {
  throw new Error('Not implemented: parseImageReference');
}

export function formatImageReference(image: ImageReference): string {
  throw new Error('Not implemented: formatImageReference');
}
