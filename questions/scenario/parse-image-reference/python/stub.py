import re
from typing import NamedTuple, Optional


class ImageReference(NamedTuple):
    registry: str  # e.g. "docker.io", "ghcr.io", "localhost:5000"
    repository: str  # e.g. "library/nginx", "team/app"
    tag: Optional[str]
    digest: Optional[str]  # "sha256:<64 hex digits>"


class InvalidReferenceError(ValueError):
    """Not an image reference; the message quotes it."""



def parse_image_reference(ref):
    """Splits [registry/]repository[:tag][@digest] into an ImageReference, filling in Docker's defaults."""
    raise NotImplementedError("parse_image_reference")


def format_image_reference(image):
    """The full form: registry/repository, then :tag if any, then @digest if any."""
    raise NotImplementedError("format_image_reference")
