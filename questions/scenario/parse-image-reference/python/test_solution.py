import pytest

from solution import ImageReference, InvalidReferenceError, format_image_reference, parse_image_reference

DIGEST = "sha256:" + "0123456789abcdef" * 4

PARSED = [
    ("nginx", "docker.io", "library/nginx", "latest", None),
    ("nginx:1.25-alpine", "docker.io", "library/nginx", "1.25-alpine", None),
    ("bitnami/redis:7.2", "docker.io", "bitnami/redis", "7.2", None),
    ("docker.io/nginx", "docker.io", "library/nginx", "latest", None),
    ("docker.io/bitnami/redis", "docker.io", "bitnami/redis", "latest", None),
    ("ghcr.io/acme/tools/builder:v2.1.0", "ghcr.io", "acme/tools/builder", "v2.1.0", None),
    ("quay.io/prometheus/node-exporter:v1.8.1", "quay.io", "prometheus/node-exporter", "v1.8.1", None),
    ("my-registry/app", "docker.io", "my-registry/app", "latest", None),
    ("team/my__app.v2/a--b", "docker.io", "team/my__app.v2/a--b", "latest", None),
    ("Registry.Example.com/app:Prod_1", "Registry.Example.com", "app", "Prod_1", None),
    ("my-reg.example.com/a.b/c_d/e__f/g---h:_x.y-Z", "my-reg.example.com", "a.b/c_d/e__f/g---h", "_x.y-Z", None),
    ("reg.io:1/app:v", "reg.io:1", "app", "v", None),
    ("reg.io:65535/app", "reg.io:65535", "app", "latest", None),
    ("10.0.0.1:5000/ns/app", "10.0.0.1:5000", "ns/app", "latest", None),
    ("a.b/c", "a.b", "c", "latest", None),
    ("localhost", "docker.io", "library/localhost", "latest", None),
    ("library/nginx", "docker.io", "library/nginx", "latest", None),
    ("nginx:x", "docker.io", "library/nginx", "x", None),
    ("0/1", "docker.io", "0/1", "latest", None),
    ("my.app", "docker.io", "library/my.app", "latest", None),
    ("my.app:1.0", "docker.io", "library/my.app", "1.0", None),
    ("my_team/app", "docker.io", "my_team/app", "latest", None),
    ("a__b/c.d", "docker.io", "a__b/c.d", "latest", None),
    ("localhost:5000/app", "localhost:5000", "app", "latest", None),
    ("registry.example.com:8443/team/app:1.0", "registry.example.com:8443", "team/app", "1.0", None),
    ("registry:5000", "docker.io", "library/registry", "5000", None),
    ("localhost/app:dev", "localhost", "app", "dev", None),
    ("ghcr.io/app", "ghcr.io", "app", "latest", None),
    ("registry.example.com:8443/team/app@" + DIGEST, "registry.example.com:8443", "team/app", None, DIGEST),
    ("nginx:1.25@" + DIGEST, "docker.io", "library/nginx", "1.25", DIGEST),
    ("redis@" + DIGEST, "docker.io", "library/redis", None, DIGEST),
    ("localhost/team/app:1@" + DIGEST, "localhost", "team/app", "1", DIGEST),
]


@pytest.mark.parametrize("ref, registry, repository, tag, digest", PARSED, ids=[row[0][:60] for row in PARSED])
def test_parses(ref, registry, repository, tag, digest):
    got = parse_image_reference(ref)
    assert got == ImageReference(registry, repository, tag, digest)
    assert (got.registry, got.repository, got.tag, got.digest) == (registry, repository, tag, digest)


def test_accepts_a_tag_of_exactly_128_characters():
    tag = "v" + "1" * 127
    assert parse_image_reference("app:" + tag).tag == tag
    digits = "9" * 128
    assert parse_image_reference("localhost:5000/app:" + digits).tag == digits


INVALID = [
    ("empty", ""),
    ("upper-case repository", "Nginx"),
    ("upper-case namespace", "Team/app"),
    ("empty tag", "nginx:"),
    ("missing repository", ":latest"),
    ("registry without repository", "ghcr.io/"),
    ("space in the tag", "nginx:bad tag"),
    ("tag starting with a dash", "nginx:-rc1"),
    ("tag of 129 characters", "nginx:" + "a" * 129),
    ("tag of 129 characters after a port", "localhost:5000/app:" + "9" * 129),
    ("tag starting with a dot", "nginx:.hidden"),
    ("tag with a slash", "nginx:feature/x"),
    ("tag with a plus", "nginx:1.0+build"),
    ("non-ASCII tag", "nginx:v\u00e9"),
    ("empty digest", "nginx@"),
    ("digest without its algorithm", "nginx@" + "a" * 64),
    ("digest of 63 hex digits", "nginx@sha256:" + "a" * 63),
    ("digest of 65 hex digits", "nginx@sha256:" + "a" * 65),
    ("digest with a non-hex letter", "nginx@sha256:" + "g" * 64),
    ("sha512 digest", "nginx@sha512:" + "a" * 128),
    ("digest before the tag", "nginx@" + DIGEST + ":1.0"),
    ("two digests", "nginx@" + DIGEST + "@" + DIGEST),
    ("two dots in a row", "team/a..b"),
    ("mixed separators", "team/a._b"),
    ("dash before a dot", "team/a-.b"),
    ("component starting with an underscore", "team/_app"),
    ("component ending with a dot", "team/app."),
    ("component starting with a dot", "team/.app"),
    ("component ending with a dash", "app-"),
    ("trailing slash", "team/app/"),
    ("leading slash", "/app"),
    ("upper-case component after a registry", "ghcr.io/acme/App"),
    ("upper-case LOCALHOST", "LOCALHOST/app"),
    ("non-ASCII component", "team/caf\u00e9"),
    ("port of six digits", "localhost:123456/app"),
    ("empty port", "localhost:/app"),
    ("non-ASCII digits in the port", "localhost:\u0665\u0660\u0660\u0660/app"),
    ("host label starting with a dash", "-reg.io/app"),
    ("host label ending with a dash", "reg-.io/app"),
    ("empty host label", "reg..io/app"),
    ("host ending with a dot", "reg.io./app"),
    ("registry port without repository", "localhost:5000/"),
    ("two tags", "nginx:1.0:2.0"),
    ("short digest", "nginx@sha256:abc123"),
    ("upper-case digest", "nginx@sha256:" + DIGEST[7:].upper()),
    ("another digest algorithm", "nginx@md5:" + "a" * 32),
    ("empty path component", "team//app"),
    ("component starting with a dash", "team/-app"),
    ("component ending with an underscore", "team/app_"),
    ("three underscores in a row", "team/a___b"),
    ("URL scheme", "https://ghcr.io/app"),
    ("non-numeric port", "localhost:http/app"),
    ("underscore in the registry host", "my_registry.io/app"),
    ("leading space", " nginx"),
    ("trailing newline", "nginx\n"),
    ("trailing newline after a tag", "nginx:1.0\n"),
    ("trailing space", "nginx:1.0 "),
    ("space inside", "team/ app"),
]


@pytest.mark.parametrize("ref", [ref for _, ref in INVALID], ids=[label for label, _ in INVALID])
def test_rejects(ref):
    with pytest.raises(InvalidReferenceError):
        parse_image_reference(ref)


@pytest.mark.parametrize("ref", ["Nginx:latest", "", "Team/app", "my_registry.io/app", "nginx@sha256:abc", "https://ghcr.io/app"])
def test_the_error_is_a_value_error_quoting_the_reference_in_double_quotes(ref):
    with pytest.raises(InvalidReferenceError) as info:
        parse_image_reference(ref)
    assert isinstance(info.value, ValueError)
    assert '"%s"' % ref in str(info.value)


HOSTILE = [
    "team/" + "a-" * 3000 + "_",
    "a" * 5000 + ":",
    "a-" * 3000 + "!",
    "a." * 3000 + "/x:!",
]


@pytest.mark.parametrize("ref", HOSTILE, ids=["dashes-then-underscore", "long-name-empty-tag", "dashes-then-bang", "dots-then-bad-tag"])
def test_rejects_long_hostile_input(ref):
    with pytest.raises(InvalidReferenceError):
        parse_image_reference(ref)


FORMATTED = [
    ("nginx", "docker.io/library/nginx:latest"),
    ("bitnami/redis:7.2", "docker.io/bitnami/redis:7.2"),
    ("localhost:5000/app", "localhost:5000/app:latest"),
    ("ghcr.io/acme/app@" + DIGEST, "ghcr.io/acme/app@" + DIGEST),
    ("nginx:1.25@" + DIGEST, "docker.io/library/nginx:1.25@" + DIGEST),
]


@pytest.mark.parametrize("ref, full", FORMATTED, ids=["official", "hub-namespace", "port", "digest-only", "tag-and-digest"])
def test_format_writes_the_full_form(ref, full):
    assert format_image_reference(parse_image_reference(ref)) == full


def test_format_writes_exactly_the_fields_it_is_given():
    assert format_image_reference(ImageReference("ghcr.io", "x", None, None)) == "ghcr.io/x"
    assert format_image_reference(ImageReference("r.io", "a/b", None, DIGEST)) == "r.io/a/b@" + DIGEST
    assert format_image_reference(ImageReference("r.io", "a", "t", None)) == "r.io/a:t"


def test_format_round_trips_the_full_form():
    full = "registry.example.com:8443/team/app:1.0@" + DIGEST
    assert format_image_reference(parse_image_reference(full)) == full
