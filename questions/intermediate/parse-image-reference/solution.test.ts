import { InvalidReferenceError, formatImageReference, parseImageReference } from './solution';

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;

describe('parseImageReference', () => {
  it.each([
    ['nginx', 'docker.io', 'library/nginx', 'latest', null],
    ['nginx:1.25-alpine', 'docker.io', 'library/nginx', '1.25-alpine', null],
    ['bitnami/redis:7.2', 'docker.io', 'bitnami/redis', '7.2', null],
    ['docker.io/nginx', 'docker.io', 'library/nginx', 'latest', null],
    ['docker.io/bitnami/redis', 'docker.io', 'bitnami/redis', 'latest', null],
    ['ghcr.io/acme/tools/builder:v2.1.0', 'ghcr.io', 'acme/tools/builder', 'v2.1.0', null],
    ['quay.io/prometheus/node-exporter:v1.8.1', 'quay.io', 'prometheus/node-exporter', 'v1.8.1', null],
    ['my-registry/app', 'docker.io', 'my-registry/app', 'latest', null],
    ['team/my__app.v2/a--b', 'docker.io', 'team/my__app.v2/a--b', 'latest', null],
    ['Registry.Example.com/app:Prod_1', 'Registry.Example.com', 'app', 'Prod_1', null],
  ])('parses %s', (ref, registry, repository, tag, digest) => {
    expect(parseImageReference(ref)).toEqual({ registry, repository, tag, digest });
  });

  it('treats a colon before the first slash as a port, not a tag', () => {
    expect(parseImageReference('localhost:5000/app')).toEqual({
      registry: 'localhost:5000',
      repository: 'app',
      tag: 'latest',
      digest: null,
    });
    expect(parseImageReference('registry.example.com:8443/team/app:1.0')).toEqual({
      registry: 'registry.example.com:8443',
      repository: 'team/app',
      tag: '1.0',
      digest: null,
    });
  });

  it('reads name:digits without a slash as an image with a numeric tag', () => {
    expect(parseImageReference('registry:5000')).toEqual({
      registry: 'docker.io',
      repository: 'library/registry',
      tag: '5000',
      digest: null,
    });
  });

  it('recognises localhost as a registry, even without a port', () => {
    expect(parseImageReference('localhost/app:dev')).toEqual({
      registry: 'localhost',
      repository: 'app',
      tag: 'dev',
      digest: null,
    });
  });

  it('adds library/ only for one-name repositories on Docker Hub', () => {
    expect(parseImageReference('ghcr.io/app').repository).toBe('app');
    expect(parseImageReference('localhost:5000/app').repository).toBe('app');
    expect(parseImageReference('redis').repository).toBe('library/redis');
  });

  it('keeps a digest and does not invent a tag when only a digest is given', () => {
    expect(parseImageReference(`registry.example.com:8443/team/app@${DIGEST}`)).toEqual({
      registry: 'registry.example.com:8443',
      repository: 'team/app',
      tag: null,
      digest: DIGEST,
    });
  });

  it('keeps both a tag and a digest', () => {
    expect(parseImageReference(`nginx:1.25@${DIGEST}`)).toEqual({
      registry: 'docker.io',
      repository: 'library/nginx',
      tag: '1.25',
      digest: DIGEST,
    });
  });

  it('accepts a tag of exactly 128 characters', () => {
    const tag = `v${'1'.repeat(127)}`;
    expect(parseImageReference(`app:${tag}`).tag).toBe(tag);
  });

  it.each([
    ['an empty string', ''],
    ['an upper-case repository', 'Nginx'],
    ['an upper-case namespace', 'Team/app'],
    ['an empty tag', 'nginx:'],
    ['a missing repository', ':latest'],
    ['a registry without a repository', 'ghcr.io/'],
    ['a space in the tag', 'nginx:bad tag'],
    ['a tag starting with a dash', 'nginx:-rc1'],
    ['a tag of 129 characters', `nginx:${'a'.repeat(129)}`],
    ['two tags', 'nginx:1.0:2.0'],
    ['a short digest', 'nginx@sha256:abc123'],
    ['an upper-case digest', `nginx@${DIGEST.toUpperCase().replace('SHA256', 'sha256')}`],
    ['another digest algorithm', `nginx@md5:${'a'.repeat(32)}`],
    ['an empty path component', 'team//app'],
    ['a component starting with a dash', 'team/-app'],
    ['a component ending with an underscore', 'team/app_'],
    ['three underscores in a row', 'team/a___b'],
    ['a URL scheme', 'https://ghcr.io/app'],
    ['a non-numeric port', 'localhost:http/app'],
    ['an underscore in the registry host', 'my_registry.io/app'],
    ['a leading space', ' nginx'],
    ['a trailing newline', 'nginx\n'],
  ])('rejects %s', (_label, ref) => {
    expect(() => parseImageReference(ref)).toThrow(InvalidReferenceError);
  });

  it('quotes the bad reference in the error message', () => {
    expect(() => parseImageReference('Nginx:latest')).toThrow('"Nginx:latest"');
  });

  it('rejects a long hostile input promptly', () => {
    expect(() => parseImageReference(`${'a-'.repeat(3000)}!`)).toThrow(InvalidReferenceError);
    expect(() => parseImageReference(`${'a.'.repeat(3000)}/x:!`)).toThrow(InvalidReferenceError);
  });
});

describe('formatImageReference', () => {
  it.each([
    ['an official image', 'nginx', 'docker.io/library/nginx:latest'],
    ['a Docker Hub namespace', 'bitnami/redis:7.2', 'docker.io/bitnami/redis:7.2'],
    ['a registry with a port', 'localhost:5000/app', 'localhost:5000/app:latest'],
    ['a digest without a tag', `ghcr.io/acme/app@${DIGEST}`, `ghcr.io/acme/app@${DIGEST}`],
    ['a tag and a digest', `nginx:1.25@${DIGEST}`, `docker.io/library/nginx:1.25@${DIGEST}`],
  ])('writes the full form for %s', (_label, ref, full) => {
    expect(formatImageReference(parseImageReference(ref))).toBe(full);
  });

  it('round-trips the full form', () => {
    const full = `registry.example.com:8443/team/app:1.0@${DIGEST}`;
    expect(formatImageReference(parseImageReference(full))).toBe(full);
  });
});
