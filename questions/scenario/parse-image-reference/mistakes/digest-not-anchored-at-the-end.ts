// Title: Digest regex is not anchored at the end, so 65+ hex digits pass
// Breaks: "**Digest**: `sha256:` followed by exactly 64 lower-case hex digits."
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

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
const REGISTRY = new RegExp(`^${LABEL}(?:\\.${LABEL})*(?::[0-9]{1,5})?$`);
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REPOSITORY = new RegExp(`^${COMPONENT}(?:/${COMPONENT})*$`);
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^sha256:[0-9a-f]{64}/;

const DEFAULT_REGISTRY = 'docker.io';

export function parseImageReference(ref: string): ImageReference {
  const invalid = (): InvalidReferenceError => new InvalidReferenceError(`invalid image reference "${ref}"`);
  if (typeof ref !== 'string' || ref === '') throw invalid();

  let rest = ref;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw invalid();
  }

  let registry = DEFAULT_REGISTRY;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      if (!REGISTRY.test(first)) throw invalid();
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }

  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw invalid();
  }

  if (!REPOSITORY.test(rest)) throw invalid();
  let repository = rest;
  if (registry === DEFAULT_REGISTRY && !repository.includes('/')) repository = `library/${repository}`;
  if (tag === null && digest === null) tag = 'latest';
  return { registry, repository, tag, digest };
}

export function formatImageReference(image: ImageReference): string {
  let text = `${image.registry}/${image.repository}`;
  if (image.tag !== null) text += `:${image.tag}`;
  if (image.digest !== null) text += `@${image.digest}`;
  return text;
}
