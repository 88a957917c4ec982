// Title: Adds library/ only when the registry was defaulted, not for an explicit docker.io/nginx
// Breaks: "on `docker.io` a one-component repository gets a `library/` prefix"
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
const DIGEST = /^sha256:[0-9a-f]{64}$/;

const DEFAULT_REGISTRY = 'docker.io';

function looksLikeRegistry(part: string): boolean {
  return part.includes('.') || part.includes(':') || part === 'localhost';
}

export function parseImageReference(ref: string): ImageReference {
  const invalid = (why: string) => new InvalidReferenceError(`invalid image reference "${ref}": ${why}`);
  if (typeof ref !== 'string' || ref === '') throw invalid('empty');

  let rest = ref;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw invalid('bad digest');
  }

  let registry = DEFAULT_REGISTRY;
  let explicitRegistry = false;
  const slash = rest.indexOf('/');
  if (slash >= 0 && looksLikeRegistry(rest.slice(0, slash))) {
    registry = rest.slice(0, slash);
    explicitRegistry = true;
    rest = rest.slice(slash + 1);
    if (!REGISTRY.test(registry)) throw invalid('bad registry');
  }

  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw invalid('bad tag');
  }

  if (!REPOSITORY.test(rest)) throw invalid('bad repository');
  let repository = rest;
  if (!explicitRegistry && !repository.includes('/')) repository = `library/${repository}`;
  if (tag === null && digest === null) tag = 'latest';
  return { registry, repository, tag, digest };
}

export function formatImageReference(image: ImageReference): string {
  let text = `${image.registry}/${image.repository}`;
  if (image.tag !== null) text += `:${image.tag}`;
  if (image.digest !== null) text += `@${image.digest}`;
  return text;
}
