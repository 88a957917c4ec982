def endpoint_key(host, port):
    """A dict key equal for two (host, port) pairs exactly when both parts are equal: a tuple, hashable."""
    return (host, port)


def new_instance(host, port, tags=None):
    """An inventory entry with its own list of tags (never a list shared with another entry or the caller)."""
    return {"host": host, "port": port, "tags": list(tags) if tags is not None else []}


def apply_tag_updates(inventory, updates):
    """A new inventory with the updates applied in order; the input lists and dicts are never modified."""
    index = {}
    for i, inst in enumerate(inventory):
        key = endpoint_key(inst["host"], inst["port"])
        if key in index:
            raise ValueError("duplicate instance %s:%s" % key)
        index[key] = i

    result = list(inventory)  # a new list holding the same, untouched dicts
    for update in updates:
        key = endpoint_key(update["host"], update["port"])
        if key not in index:
            raise ValueError("unknown instance %s:%s" % key)
        i = index[key]
        current = result[i]
        remove = update.get("remove", ())
        tags = [tag for tag in current["tags"] if tag not in remove]  # a new list, never current["tags"] itself
        for tag in update.get("add", ()):
            if tag not in tags:
                tags.append(tag)
        result[i] = dict(current, tags=tags)
    return result
