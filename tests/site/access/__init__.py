"""Who sees what, at every door: the door suite (test_doors), the record scope through the REST API
(test_record_scope) and the permission layer's caches (test_scope_cache), together."""
