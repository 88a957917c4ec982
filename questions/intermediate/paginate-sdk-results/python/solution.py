def _check_max_items(max_items):
    if max_items is not None and (isinstance(max_items, bool) or not isinstance(max_items, int) or max_items < 0):
        raise ValueError("max_items must be an integer >= 0, got %r" % (max_items,))


def iter_items(list_page, max_items=None):
    """Yields the "Items" of every page, calling list_page() only when the consumer needs more items.

    Checks max_items at once, when called: a generator function would check it only at the first next().
    """
    _check_max_items(max_items)
    return _generate(list_page, max_items)


def _generate(list_page, max_items):
    if max_items == 0:
        return
    used = set()  # a fresh set per listing, never a default argument
    produced = 0
    kwargs = {}  # the first call passes no NextToken at all (boto3 refuses NextToken=None)
    while True:
        page = list_page(**kwargs)
        for item in page.get("Items", []):
            yield item
            produced += 1
            if max_items is not None and produced >= max_items:
                return  # enough: never ask for the next page
        token = page.get("NextToken")
        if not token:  # missing, None or "": the token, not the page size, says "done"
            return
        if token in used:
            raise RuntimeError('pagination token repeated: "%s"' % token)
        used.add(token)
        kwargs = {"NextToken": token}


def list_all(list_page, max_items=None):
    """Every item of every page, in order, as a list."""
    return list(iter_items(list_page, max_items))


def iter_paginated(client, operation_name, items_key, **params):
    """Yields the items under items_key of every page of a boto3 paginator, one page at a time."""
    paginator = client.get_paginator(operation_name)
    for page in paginator.paginate(**params):
        yield from page.get(items_key, [])  # boto3 leaves the key out of an empty page
