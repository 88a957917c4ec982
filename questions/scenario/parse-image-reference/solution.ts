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

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
const HOST = `${LABEL}(?:\\.${LABEL})*(?::[0-9]{1,5})?`;
const TAG = '[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}';
const DIGEST = 'sha256:[a-f0-9]{64}';

// Anchored at both ends; every piece is a narrow class, so nothing can run past its delimiter.
const REFERENCE = new RegExp(
  `^(?:(?<registry>${HOST})/)?(?<path>${COMPONENT}(?:/${COMPONENT})*)` +
    `(?::(?<tag>${TAG}))?(?:@(?<digest>${DIGEST}))?$`,
);
const ONE_COMPONENT = new RegExp(`^${COMPONENT}$`);

const DEFAULT_REGISTRY = 'docker.io';

export function parseImageReference(ref: string): ImageReference {
  const invalid = () => new InvalidReferenceError(`invalid image reference: "${ref}"`);
  const groups = REFERENCE.exec(ref)?.groups;
  if (!groups) throw invalid();

  let registry: string | undefined = groups.registry;
  let repository = groups.path;
  // A first part with a '.' that the host pattern refused (say 'my_registry.io') was meant as a registry.
  if (registry === undefined && repository.includes('/') && repository.split('/')[0].includes('.')) {
    throw invalid();
  }
  // Docker's rule: the first part is a registry only if it has a '.' or a ':', or is 'localhost'.
  if (registry !== undefined && !/[.:]/.test(registry) && registry !== 'localhost') {
    if (!ONE_COMPONENT.test(registry)) throw invalid(); // e.g. 'Team/app': not a valid namespace either
    repository = `${registry}/${repository}`;
    registry = undefined;
  }
  registry ??= DEFAULT_REGISTRY;
  if (registry === DEFAULT_REGISTRY && !repository.includes('/')) repository = `library/${repository}`;

  const digest = groups.digest ?? null;
  const tag = groups.tag ?? (digest === null ? 'latest' : null);
  return { registry, repository, tag, digest };
}

export function formatImageReference(image: ImageReference): string {
  let text = `${image.registry}/${image.repository}`;
  if (image.tag !== null) text += `:${image.tag}`;
  if (image.digest !== null) text += `@${image.digest}`;
  return text;
}
