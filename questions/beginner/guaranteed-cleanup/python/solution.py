from contextlib import ExitStack, contextmanager


@contextmanager
def opened(open_resource, on_close_error=None):
    """Opens a resource with open_resource(), yields it, and closes it exactly once however the body ends."""
    resource = open_resource()
    try:
        yield resource
    except BaseException:
        try:
            resource.close()
        except Exception as close_error:
            if on_close_error is not None:
                on_close_error(close_error)
        raise
    resource.close()


class held:
    """`with held(lock) as lock:` acquires the lock, and releases it after the body, whatever happened."""

    def __init__(self, lock):
        self._lock = lock

    def __enter__(self):
        self._lock.acquire()
        return self._lock

    def __exit__(self, exc_type, exc, tb):
        self._lock.release()
        return False


@contextmanager
def all_opened(openers, on_close_error=None):
    """Opens every resource in order and yields them as a list; closes those opened, newest first."""
    with ExitStack() as stack:
        yield [stack.enter_context(opened(open_resource, on_close_error)) for open_resource in openers]
