import os
import tempfile


def update_config(target, edit):
    """Replaces the file at target with edit(its text, or None), so readers only ever see the old or the new text."""
    raise NotImplementedError("update_config")
