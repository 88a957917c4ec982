def make_restart_jobs(services, restart):
    """One (name, run) pair per service, in order; run() calls restart(service, "<position>/<count>") and returns
    what it returns. The service and step are those of `services` when this is called."""
    raise NotImplementedError("make_restart_jobs")
