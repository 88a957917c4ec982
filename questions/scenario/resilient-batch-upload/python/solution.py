import json
import os

MANIFEST_NAME = ".upload-manifest.json"
TEMP_NAME = MANIFEST_NAME + ".tmp"


def readable_batches(directory, names, batch_size, skipped):
    """Yields lists of (name, content) of at most batch_size readable files; unreadable ones go to skipped."""
    batch = []
    for name in names:
        try:
            with open(os.path.join(directory, name), encoding="utf-8") as handle:
                content = handle.read()
        except (OSError, UnicodeDecodeError) as err:  # a bad file is skipped; UnicodeDecodeError is no OSError
            skipped.append({"name": name, "reason": str(err)})
            continue
        batch.append((name, content))
        if len(batch) == batch_size:
            yield batch
            batch = []  # a new list: the uploader may keep the one it was given
    if batch:
        yield batch


def upload_directory(directory, upload_batch, batch_size):
    """Uploads the files of directory in batches, resuming from and recording progress in its manifest."""
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError("batch_size must be a whole number >= 1, got %r" % (batch_size,))
    manifest_path = os.path.join(directory, MANIFEST_NAME)
    temp_path = os.path.join(directory, TEMP_NAME)

    manifest = {"uploaded": [], "skipped": []}
    if os.path.exists(manifest_path):
        with open(manifest_path, encoding="utf-8") as handle:
            try:
                previous = json.load(handle)
            except json.JSONDecodeError as err:
                raise ValueError("cannot resume: %s is not valid JSON (%s)" % (manifest_path, err)) from err
        manifest["uploaded"] = list(previous.get("uploaded", []))

    def save():
        with open(temp_path, "w", encoding="utf-8") as handle:
            json.dump(manifest, handle, indent=2)
        os.replace(temp_path, manifest_path)  # atomic: readers see the old manifest or the new one

    done = set(manifest["uploaded"])
    names = sorted(name for name in os.listdir(directory) if name not in (MANIFEST_NAME, TEMP_NAME) and name not in done)
    for batch in readable_batches(directory, names, batch_size, manifest["skipped"]):
        try:
            upload_batch(batch)
        except BaseException:
            save()
            raise  # the very exception, so the caller sees what the uploader said
        manifest["uploaded"].extend(name for name, _ in batch)
        save()
    save()
    return manifest
