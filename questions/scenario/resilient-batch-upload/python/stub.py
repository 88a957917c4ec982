import json  # noqa: F401
import os  # noqa: F401

MANIFEST_NAME = ".upload-manifest.json"


def upload_directory(directory, upload_batch, batch_size):
    """Uploads the files of `directory` in batches, resuming from and recording progress in its manifest.

    upload_batch(items) sends one batch: a list of (name, content) tuples; it raises when the upload fails.
    Returns the manifest: {"uploaded": [names], "skipped": [{"name": ..., "reason": ...}]}.
    """
    raise NotImplementedError("upload_directory")
