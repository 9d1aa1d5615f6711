"""Features, transport-neutral: they get a context and a request and return replies."""
