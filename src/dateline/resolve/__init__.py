"""Resolution of mentions to canonical entities: the gazetteer (places) and the actor registry."""
