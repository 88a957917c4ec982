def endpoint_key(host, port):
    """A dict key equal for two (host, port) pairs exactly when both parts are equal: a tuple, hashable."""
    raise NotImplementedError("endpoint_key")


def new_instance(host, port, tags=None):
    """An inventory entry with its own list of tags (never a list shared with another entry or the caller)."""
    raise NotImplementedError("new_instance")


def apply_tag_updates(inventory, updates):
    """A new inventory with the updates applied in order; the input lists and dicts are never modified."""
    raise NotImplementedError("apply_tag_updates")
