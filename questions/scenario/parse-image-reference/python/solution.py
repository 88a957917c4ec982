import re
from typing import NamedTuple, Optional


class ImageReference(NamedTuple):
    registry: str  # e.g. "docker.io", "ghcr.io", "localhost:5000"
    repository: str  # e.g. "library/nginx", "team/app"
    tag: Optional[str]
    digest: Optional[str]  # "sha256:<64 hex digits>"


class InvalidReferenceError(ValueError):
    """Not an image reference; the message quotes it."""


_COMPONENT = r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_HOST = _LABEL + r"(?:\." + _LABEL + r")*(?::[0-9]{1,5})?"
_TAG = r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}"
_DIGEST = r"sha256:[a-f0-9]{64}"

# Used with fullmatch (both ends; $ would also match before a final "\n"); every piece is a narrow class.
_REFERENCE = re.compile(
    r"(?:(?P<registry>{host})/)?(?P<path>{c}(?:/{c})*)(?::(?P<tag>{tag}))?(?:@(?P<digest>{digest}))?".format(
        host=_HOST, c=_COMPONENT, tag=_TAG, digest=_DIGEST
    )
)
_ONE_COMPONENT = re.compile(_COMPONENT)

DEFAULT_REGISTRY = "docker.io"


def parse_image_reference(ref):
    """Splits [registry/]repository[:tag][@digest] into an ImageReference, filling in Docker's defaults."""
    match = _REFERENCE.fullmatch(ref)
    if match is None:
        raise InvalidReferenceError('invalid image reference: "%s"' % ref)
    registry = match.group("registry")
    repository = match.group("path")
    # A first part with a "." that the host pattern refused (say "my_registry.io") was meant as a registry.
    if registry is None and "/" in repository and "." in repository.split("/")[0]:
        raise InvalidReferenceError('invalid image reference: "%s"' % ref)
    # Docker's rule: the first part is a registry only if it has a "." or a ":", or is "localhost".
    if registry is not None and "." not in registry and ":" not in registry and registry != "localhost":
        if not _ONE_COMPONENT.fullmatch(registry):  # e.g. "Team/app": not a valid namespace either
            raise InvalidReferenceError('invalid image reference: "%s"' % ref)
        repository = registry + "/" + repository
        registry = None
    if registry is None:
        registry = DEFAULT_REGISTRY
    if registry == DEFAULT_REGISTRY and "/" not in repository:
        repository = "library/" + repository
    digest = match.group("digest")
    tag = match.group("tag")
    if tag is None and digest is None:
        tag = "latest"
    return ImageReference(registry, repository, tag, digest)


def format_image_reference(image):
    """The full form: registry/repository, then :tag if any, then @digest if any."""
    text = image.registry + "/" + image.repository
    if image.tag is not None:
        text += ":" + image.tag
    if image.digest is not None:
        text += "@" + image.digest
    return text
