"""Who and where a mention names, beside the places: the actor registry, name normalising and
relative places ("30 km south of X"). Places themselves are resolved in ``dateline.geo``."""
