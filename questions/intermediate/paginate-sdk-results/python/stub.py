def iter_items(list_page, max_items=None):
    """Yields the "Items" of every page, calling list_page() only when the consumer needs more items.

    list_page() returns the first page, list_page(NextToken=token) the next ones; a page is a dict
    {"Items": [...], "NextToken": "..."}. max_items: at most that many items (an int >= 0), None for no limit.
    """
    raise NotImplementedError("iter_items")


def list_all(list_page, max_items=None):
    """Every item of every page, in order, as a list."""
    raise NotImplementedError("list_all")


def iter_paginated(client, operation_name, items_key, **params):
    """Yields the items under items_key of every page of client.get_paginator(operation_name).paginate(**params)."""
    raise NotImplementedError("iter_paginated")
